"""Wagtail's v3 pages routes for anonymous readers: Wagtail's scoping, plus the visibility rule.

`partnerships/api/v3/reader_pages.py` replaces `get_pages_queryset` in
Wagtail's pages router; here it is compared with Wagtail's own function.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone
from ninja.errors import HttpError
from wagtail.api.v3.querysets import get_pages_queryset as wagtails_pages_queryset
from wagtail.api.v3.routers import pages as wagtail_pages_router
from wagtail.models import Page, Site

from partnerships.api.v3.reader_pages import reader_pages_queryset
from partnerships.models import ArticlePage
from tests.support.api_v3 import get_v3
from tests.support.factories import ArticleFactory, HomePageFactory, TopicFactory
from tests.support.v3_writes import token_for

pytestmark = pytest.mark.django_db


def anonymous_request(query=None, host="testserver"):
    request = RequestFactory().get("/api/v3/pages/", query or {}, HTTP_HOST=host)
    request.user = AnonymousUser()
    return request


def ids(queryset):
    return list(queryset.values_list("pk", flat=True))


def test_wagtails_pages_router_reads_the_plugins_queryset_and_detail():
    assert wagtail_pages_router.get_pages_queryset is reader_pages_queryset
    detail = wagtail_pages_router.router.path_operations["/{page_id}/"].operations[0]
    assert detail.operation_id == "pages_detail"
    assert detail.view_func.__wrapped__ is wagtail_pages_router.get_page


@pytest.mark.parametrize("model", [Page, ArticlePage])
def test_with_nothing_hidden_it_gives_what_wagtails_gives(demo, model):
    request = anonymous_request()

    ours = reader_pages_queryset(request, model)

    assert ids(ours) == ids(wagtails_pages_queryset(request, model))
    assert ours.model is model
    assert ours.query.select_related == {"content_type": {}, "locale": {}}


def test_it_scopes_to_the_site_named_by_site_as_wagtail_does(topic):
    branch = HomePageFactory(parent=Page.get_first_root_node(), title="Branch", slug="branch")
    Site.objects.create(hostname="branch.example", port=80, root_page=branch)
    branch_topic = TopicFactory(parent=branch, slug="branch-topic")
    request = anonymous_request({"site": "branch.example"})

    assert ids(reader_pages_queryset(request)) == ids(wagtails_pages_queryset(request))
    assert branch_topic.pk in ids(reader_pages_queryset(request))
    assert topic.pk not in ids(reader_pages_queryset(request))


def test_a_site_no_site_matches_is_a_404_and_several_a_400(home):
    with pytest.raises(Http404):
        reader_pages_queryset(anonymous_request({"site": "nowhere.example"}))
    Site.objects.create(hostname="testserver", port=8080, root_page=home)
    with pytest.raises(HttpError) as several:
        reader_pages_queryset(anonymous_request({"site": "testserver"}))
    assert several.value.status_code == 400


def test_an_expired_page_and_the_items_of_a_closed_topic_are_gone(client, topic, home):
    expired = ArticleFactory(parent=topic, expire_at=timezone.now() - datetime.timedelta(hours=1))
    closed = TopicFactory(parent=home, slug="closed-topic")
    orphan = ArticleFactory(parent=closed)
    closed.unpublish()  # Wagtail leaves its children live
    request = anonymous_request()

    assert {expired.pk, orphan.pk} <= set(ids(wagtails_pages_queryset(request)))
    assert not {expired.pk, orphan.pk} & set(ids(reader_pages_queryset(request)))
    for page in (expired, orphan):
        get_v3(client, f"/api/v3/pages/{page.pk}/", status=404)
    listed = get_v3(client, "/api/v3/pages/", {"limit": 100})["items"]
    assert not {expired.pk, orphan.pk} & {item["id"] for item in listed}


def test_anonymous_search_still_works(client, topic):
    ArticleFactory(parent=topic, title="Seed libraries in gardens")
    call_command("update_index", stdout=open("/dev/null", "w"))

    found = get_v3(client, "/api/v3/pages/", {"search": "gardens"})["items"]

    assert [item["title"] for item in found] == ["Seed libraries in gardens"]


def test_a_token_keeps_wagtails_own_tier(client, topic, editor):
    draft = ArticleFactory(parent=topic, live=False)
    token = token_for(editor)

    # An editor's token reads pages the editor may change, drafts included.
    listed = get_v3(client, "/api/v3/pages/", {"limit": 100}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert draft.pk in {item["id"] for item in listed["items"]}
    anonymous = get_v3(client, "/api/v3/pages/", {"limit": 100})
    assert draft.pk not in {item["id"] for item in anonymous["items"]}


@pytest.mark.parametrize("page", ["topic", "article", "home"])
def test_an_anonymous_detail_is_what_wagtails_view_renders(client, demo, superuser_token, page):
    """The one-query fetch of a reader's detail renders exactly as Wagtail's own view."""
    pages = {
        "topic": demo,
        "article": ArticlePage.objects.child_of(demo).first(),
        "home": demo.get_parent(),
    }
    url = f"/api/v3/pages/{pages[page].pk}/"

    ours = get_v3(client, url)
    wagtails = get_v3(client, url, HTTP_AUTHORIZATION=f"Bearer {superuser_token}")

    assert ours == wagtails
    assert ours["meta"]["parent"]


@pytest.fixture
def superuser_token(django_user_model):
    """A token's requests go to Wagtail's own view, unchanged."""
    return token_for(django_user_model.objects.create_superuser("admin", password="x"))
