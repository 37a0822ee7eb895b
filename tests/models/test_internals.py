"""Each private API the plugin relies on (partnerships/internals.py) still does what Wagtail does.

An upgrade of Wagtail, treebeard or Django that changes one of these fails
here, by name, rather than in a page or an import.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from partnerships.api.items import ItemsAPIViewSet
from partnerships.api.router import api_router
from partnerships.internals import (
    api_serializer_class,
    as_kinds,
    child_path,
    insert_rows,
    mark_saved,
    path_step,
    remember_parent,
)
from partnerships.models import ListablePage, ListablePageTag
from tests.support.factories import ArticleFactory, WebinarFactory

pytestmark = pytest.mark.django_db


def test_a_remembered_parent_is_what_wagtails_routing_leaves_on_the_child(rf, topic):
    item = ArticleFactory(parent=topic)
    routed = topic.get_parent().specific.route(rf.get("/"), [topic.slug, item.slug]).page
    ours = Page.objects.get(pk=item.pk)
    remember_parent(ours, topic)

    with CaptureQueriesContext(connection) as queries:
        assert ours.get_parent() == routed.get_parent() == topic
    assert len(queries) == 0


def test_rows_as_their_kinds_equal_wagtails_specific_in_fewer_queries(topic):
    for n in range(3):
        ArticleFactory(parent=topic, title=f"News {n}")
        WebinarFactory(parent=topic, title=f"Webinar {n}")
    listing = ListablePage.objects.listed_under(topic)

    wagtails = list(listing.specific())
    with CaptureQueriesContext(connection) as queries:
        ours = as_kinds(listing.with_kinds())

    assert [(type(item), item.pk, item.title) for item in ours] == [
        (type(item), item.pk, item.title) for item in wagtails
    ]
    webinars = [item for item in ours if hasattr(item, "starts_at")]
    assert all(isinstance(item.starts_at, datetime.datetime) for item in webinars)
    assert len(queries) == 1  # Wagtail's specific() costs one more per kind


def test_child_paths_are_the_ones_treebeard_writes(topic):
    first = ArticleFactory(parent=topic)
    second = ArticleFactory(parent=topic)

    assert child_path(topic, 1) == first.path and child_path(topic, 2) == second.path
    assert path_step(first.path) == 1 and path_step(second.path) == 2


def test_inserted_rows_are_written_and_saved_as_bulk_create_writes_them(topic):
    item = ArticleFactory(parent=topic)
    tag_link = ListablePageTag(content_object_id=item.pk, tag_id=_tag().pk)
    fields = [f for f in ListablePageTag._meta.local_concrete_fields if not f.primary_key]
    (pk,) = insert_rows(ListablePageTag, [tag_link], fields, [ListablePageTag._meta.pk], "default")[
        0
    ]
    tag_link.pk = pk
    mark_saved(tag_link, "default")

    assert not tag_link._state.adding and tag_link._state.db == "default"
    assert ListablePageTag.objects.get(pk=pk).content_object_id == item.pk


def _tag():
    from taggit.models import Tag

    return Tag.objects.create(name="outreach")


def test_api_serializer_classes_are_the_ones_wagtails_api_builds(client, topic):
    ArticleFactory(parent=topic)
    wagtails = api_serializer_class(PagesAPIViewSet, api_router, Page, [], show_details=False)
    ours = api_serializer_class(ItemsAPIViewSet, api_router, ListablePage, [], show_details=False)

    # What Wagtail's own pages listing answers with, field for field.
    assert set(wagtails.Meta.fields) == set(PagesAPIViewSet.listing_default_fields)
    item = client.get("/api/v2/pages/", HTTP_ACCEPT="application/json").json()["items"][0]
    assert set(item) | set(item["meta"]) - {"meta"} >= set(wagtails.Meta.fields) - {"type"}
    assert issubclass(ours, ItemsAPIViewSet.base_serializer_class)
    assert set(ItemsAPIViewSet.get_listing_default_fields(ListablePage)) <= set(ours.Meta.fields)


@pytest.mark.parametrize("limit_max", [7, 100, None])
def test_the_v3_limit_maximum_is_the_one_wagtails_v3_listings_enforce(
    client, home, settings, limit_max
):
    from partnerships.internals import v3_limit_max

    settings.WAGTAILAPI_LIMIT_MAX = limit_max

    assert v3_limit_max() == limit_max
    if limit_max is not None:
        assert client.get("/api/v3/pages/", {"limit": limit_max}).status_code == 200
        assert client.get("/api/v3/pages/", {"limit": limit_max + 1}).status_code == 400
    else:
        assert client.get("/api/v3/pages/", {"limit": 10_000}).status_code == 200
