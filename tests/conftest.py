"""Fixtures every test module may use; helpers live in tests/support/."""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Page, Site

from tests.support.factories import HomePageFactory, TopicFactory
from tests.support.paths import ARTIFACTS

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told the test thread is safe to use.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache.

    Responses are cached per content version, and Wagtail caches image
    renditions by image id: on SQLite a rolled-back test hands the same ids
    to the next one, which would then get the renditions of another image.
    """
    cache.clear()


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def topic(home):
    return TopicFactory(parent=home, slug="partnerships-collaboration")


@pytest.fixture
def demo(db):
    call_command("load_demo", site_url="http://testserver", stdout=open(os.devnull, "w"))
    from partnerships.models import TopicIndexPage

    return TopicIndexPage.objects.get(slug="partnerships-collaboration")


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def editorial_roles(home):
    """The plugin's editors and moderators over the home page's subtree, with the review."""
    from partnerships.editorial.roles import set_up_editorial_roles

    return set_up_editorial_roles(home)


def _member_of(group, username, django_user_model):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.com", f"{username}-password"
    )
    user.groups.add(group)
    return user


@pytest.fixture
def editor(editorial_roles, django_user_model):
    return _member_of(editorial_roles.editors, "editor", django_user_model)


@pytest.fixture
def moderator(editorial_roles, django_user_model):
    return _member_of(editorial_roles.moderators, "moderator", django_user_model)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what waits for the commit (content version bumps), as in production.

    A test runs inside a transaction that never commits, so without it the
    response cache would never learn that published content changed.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)
