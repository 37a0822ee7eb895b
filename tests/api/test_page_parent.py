"""A page detail's `meta.parent`: what stock Wagtail gives, in one query (api/page_detail.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.api.v2.serializers import PageParentField
from wagtail.models import Page, Site

from partnerships.api.page_detail import VisibleParentField
from partnerships.models.visibility import VisiblePageQuerySet
from tests.support.api import get_json
from tests.support.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def visible_on_the_site():
    """The base queryset our pages endpoint lists, as it is when the parent is read."""
    return VisiblePageQuerySet(Page).visible().in_site(Site.objects.get())


def parent_by(field_class, page, base_queryset=None):
    """The parent `field_class` gives `page` over that queryset."""
    base_queryset = visible_on_the_site() if base_queryset is None else base_queryset
    field = field_class(read_only=True)
    field._context = {"base_queryset": base_queryset}
    return field.get_attribute(page)


@pytest.mark.parametrize("depth", ["article", "topic", "home", "root"])
def test_the_parent_is_the_one_stock_wagtail_finds(home, depth):
    topic = TopicFactory(parent=home)
    article = ArticleFactory(parent=topic)
    page = {"article": article, "topic": topic, "home": home, "root": home.get_parent()}[depth]

    ours = parent_by(VisibleParentField, page)
    wagtails = parent_by(PageParentField, page) if depth != "root" else None

    assert (ours and ours.pk) == (wagtails and wagtails.pk)


def test_the_parent_costs_one_query(topic):
    article = ArticleFactory(parent=topic)
    base_queryset = visible_on_the_site()

    with CaptureQueriesContext(connection) as queries:
        assert parent_by(VisibleParentField, article, base_queryset).pk == topic.pk
    assert len(queries) == 1


def test_the_site_root_has_no_parent_in_the_api(client, home):
    # The tree's root is on no Site: stock Wagtail leaves it out too.
    assert get_json(client, f"/api/v2/pages/{home.pk}/")["meta"]["parent"] is None


def test_a_topic_detail_names_its_home_page_as_parent(client, topic, home):
    parent = get_json(client, f"/api/v2/pages/{topic.pk}/")["meta"]["parent"]

    assert parent["id"] == home.pk
    assert parent["title"] == home.title
    assert set(parent["meta"]) == {"type", "detail_url", "html_url"}


@pytest.mark.parametrize("depth", ["article", "topic"])
def test_the_parent_read_with_the_page_renders_as_wagtails_own(client, topic, depth):
    """The detail reads its parent's columns with the page; the output is Wagtail's."""
    article = ArticleFactory(parent=topic)
    page = {"article": article, "topic": topic}[depth]
    parent = page.get_parent().specific

    rendered = get_json(client, f"/api/v2/pages/{page.pk}/")["meta"]["parent"]

    assert rendered == {
        "id": parent.pk,
        "meta": {
            "type": parent._meta.label,
            "detail_url": f"http://testserver/api/v2/pages/{parent.pk}/",
            "html_url": parent.get_full_url(),
        },
        "title": parent.title,
    }
