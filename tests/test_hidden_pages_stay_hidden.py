"""Drafts, unpublished, expired and restricted pages appear in no feed, calendar,
sitemap or search result."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from partnerships.models import ListablePage

from .factories import ArticleFactory, WebinarFactory
from .html import soup, text
from .syndication import SITE_FEEDS, TOPIC_FEEDS, event_titles, feed_titles
from .test_seo import sitemap_entries

pytestmark = pytest.mark.django_db


def restrict(page, restriction_type):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Members")[0])


def make(topic, factory, title, **fields):
    kind = factory._meta.model.kind
    if factory is WebinarFactory:
        soon = timezone.now() + datetime.timedelta(days=2)
        fields = {"starts_at": soon, "ends_at": soon + datetime.timedelta(hours=1)} | fields
    return factory(parent=topic, title=f"{title} {kind}", summary="gardens", **fields)


@pytest.fixture
def hidden_pages(topic):
    """A visible article and webinar, and hidden ones of both kinds, all about gardens."""
    for factory in (ArticleFactory, WebinarFactory):
        make(topic, factory, "Visible")
        make(topic, factory, "Draft", live=False)
        make(topic, factory, "Unpublished").unpublish()
        make(topic, factory, "Expired", expire_at=timezone.now() - datetime.timedelta(minutes=1))
        restrict(make(topic, factory, "Login only"), PageViewRestriction.LOGIN)
        restrict(make(topic, factory, "Members only"), PageViewRestriction.GROUPS)
    return topic


VISIBLE = ["Visible news", "Visible webinar"]


@pytest.mark.parametrize("url", [*TOPIC_FEEDS.values(), *SITE_FEEDS.values()])
def test_feeds_show_only_visible_items(client, hidden_pages, url):
    assert sorted(feed_titles(client, url)) == VISIBLE


@pytest.mark.parametrize("url", ["/partnerships-collaboration/webinars.ics", "/webinars.ics"])
def test_calendars_show_only_visible_webinars(client, hidden_pages, url):
    assert event_titles(client, url) == ["Visible webinar"]


def test_search_finds_only_visible_items(client, hidden_pages):
    response = client.get("/search/", {"q": "gardens"})
    titles = sorted(text(t) for t in soup(response).select(".search-results .card-title"))

    assert titles == VISIBLE


def test_search_listing_finds_only_visible_items(hidden_pages):
    ranked_ids = ListablePage.objects.visible().search_listing("gardens")
    titles = sorted(ListablePage.objects.filter(pk__in=ranked_ids).values_list("title", flat=True))

    assert titles == VISIBLE


def test_sitemap_lists_only_visible_pages(client, hidden_pages):
    entries = sitemap_entries(client)

    assert sorted(loc.rsplit("/", 2)[-2] for loc in entries if loc.count("/") > 4) == [
        "visible-news",
        "visible-webinar",
    ]


@pytest.mark.parametrize(
    "title, status",
    [
        ("Draft webinar", 404),
        ("Unpublished webinar", 404),
        ("Expired webinar", 404),
        ("Login only webinar", 302),  # to the login page, as the webinar page itself
        ("Members only webinar", 302),
    ],
)
def test_hidden_webinars_serve_no_calendar_file(client, hidden_pages, title, status):
    webinar = ListablePage.objects.get(title=title)

    response = client.get(f"/partnerships-collaboration/{webinar.slug}/calendar.ics")

    assert response.status_code == status
    assert b"BEGIN:VCALENDAR" not in response.content


@pytest.mark.parametrize("url", [*TOPIC_FEEDS.values(), "/partnerships-collaboration/webinars.ics"])
def test_a_restricted_topic_serves_no_feed_or_calendar(client, topic, url):
    ArticleFactory(parent=topic, title="Secret")
    restrict(topic, PageViewRestriction.LOGIN)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/")
    assert b"Secret" not in response.content
    assert "Secret" not in feed_titles(client, "/feed.rss")
