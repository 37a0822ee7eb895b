"""Drafts, unpublished, expired, scheduled and restricted pages never reach an anonymous reader."""

import datetime
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db
SECRET = "Secretitem"


def make_draft(topic):
    return ArticleFactory(parent=topic, title=SECRET, live=False)


def make_unpublished(topic):
    page = ArticleFactory(parent=topic, title=SECRET)
    page.unpublish()
    return page


def make_expired(topic):
    return ArticleFactory(
        parent=topic, title=SECRET, expire_at=timezone.now() - datetime.timedelta(minutes=5)
    )


def make_scheduled(topic):
    page = ArticleFactory(parent=topic, title=SECRET, live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision().publish()  # with a future go-live, this schedules it
    return page


def restricted(kind, **extra):
    def make(topic):
        page = ArticleFactory(parent=topic, title=SECRET)
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **extra)
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.create(name="Members"))
        return page

    return make


HIDDEN_STATES = {
    "draft": make_draft,
    "unpublished": make_unpublished,
    "expired": make_expired,
    "scheduled": make_scheduled,
    "login": restricted(PageViewRestriction.LOGIN),
    "group": restricted(PageViewRestriction.GROUPS),
    "password": restricted(PageViewRestriction.PASSWORD, password="s3cret-pass"),
}


def surfaces(client, topic, page):
    """Every place an anonymous reader could come across the page."""
    json = {"HTTP_ACCEPT": "application/json"}
    return {
        "topic page": client.get(topic.url),
        "topic page, page 1 of news": client.get(topic.url, {"kind": "news"}),
        "items": client.get("/api/v2/items/", **json),
        "items search": client.get("/api/v2/items/", {"search": SECRET}, **json),
        "items by topic": client.get("/api/v2/items/", {"child_of": topic.pk}, **json),
        "recent_items": client.get(f"/api/v2/pages/{topic.pk}/", **json),
        "pages": client.get("/api/v2/pages/", **json),
        "pages search": client.get("/api/v2/pages/", {"search": SECRET}, **json),
        "page detail": client.get(f"/api/v2/pages/{page.pk}/", **json),
        "sitemap": client.get("/sitemap.xml"),
    }


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_pages_never_reach_an_anonymous_reader(client, topic, state):
    ArticleFactory(parent=topic, title="Visible item")
    page = HIDDEN_STATES[state](topic)
    call_command("update_index", stdout=open("/dev/null", "w"))
    client.get("/api/v2/items/", HTTP_ACCEPT="application/json")  # fill the shared cache

    for surface, response in surfaces(client, topic, page).items():
        body = response.content.decode()
        assert SECRET not in body, f"{state} page leaked through {surface}"
        assert response.status_code in (200, 302, 404), (surface, response.status_code)
    detail = client.get(f"/partnerships-collaboration/{page.slug}/")
    assert detail.status_code in (302, 401, 403, 404) or SECRET not in detail.content.decode()


def test_a_scheduled_page_appears_once_publish_scheduled_runs_at_its_time(client, topic):
    page = ArticleFactory(parent=topic, title=SECRET, live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page.save_revision().publish()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert SECRET not in client.get(topic.url).content.decode()

    time.sleep(2.5)
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))

    assert SECRET in client.get(topic.url).content.decode()


def test_a_signed_in_reader_sees_login_restricted_items_privately(client, topic):
    page = restricted(PageViewRestriction.LOGIN)(topic)
    client.force_login(User.objects.create_user("reader", password="x"))

    listing = client.get(topic.url)
    api = client.get("/api/v2/items/", HTTP_ACCEPT="application/json")
    detail = client.get(page.url)

    assert SECRET in listing.content.decode() and SECRET in api.content.decode()
    assert detail.status_code == 200
    for response in (listing, api, detail):
        assert "private" in response["Cache-Control"], response.request["PATH_INFO"]
        assert "public" not in response["Cache-Control"]


def test_group_restricted_items_show_only_to_members(client, topic):
    page = restricted(PageViewRestriction.GROUPS)(topic)
    outsider = User.objects.create_user("outsider", password="x")
    member = User.objects.create_user("member", password="x")
    member.groups.add(Group.objects.get(name="Members"))

    client.force_login(outsider)
    assert SECRET not in client.get(topic.url).content.decode()
    client.force_login(member)
    assert SECRET in client.get(topic.url).content.decode()
    assert client.get(page.url).status_code == 200


def test_anonymous_pages_are_publicly_cacheable(client, topic):
    response = client.get(topic.url)
    assert "public" in response["Cache-Control"] and "Cookie" in response["Vary"]


def test_shared_password_privacy_is_switched_off(settings):
    assert settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}
    assert settings.WAGTAILDOCS_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}


def test_images_and_documents_in_private_collections_are_absent_from_the_api(client, topic):
    import wagtail_factories
    from wagtail.documents.models import Document

    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    wagtail_factories.ImageFactory(title="Public image")
    wagtail_factories.ImageFactory(title="Private image", collection=private)
    from django.core.files.base import ContentFile

    Document.objects.create(
        title="Private document", collection=private, file=ContentFile(b"x", name="private.txt")
    )

    images = client.get("/api/v2/images/", HTTP_ACCEPT="application/json").json()
    documents = client.get("/api/v2/documents/", HTTP_ACCEPT="application/json").json()
    assert [image["title"] for image in images["items"]] == ["Public image"]
    assert documents["items"] == []
