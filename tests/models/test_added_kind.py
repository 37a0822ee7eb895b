"""A host site's own kind (tests/podcasts/) joins topics with no change to the plugin.

Feed tests for added kinds belong here too: list a `podcast_topic` through the
feed and expect the episode beside the news.
"""

import datetime

import pytest

from partnerships.models import ListablePage, TopicIndexPage, listable_page_models
from tests.podcasts.models import PodcastPage
from tests.support.api import get_json
from tests.support.factories import ArticleFactory, PodcastFactory
from tests.support.html import listed_cards, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def podcast_topic(topic):
    ArticleFactory(parent=topic, title="Library news", publish_date=datetime.date(2021, 11, 11))
    PodcastFactory(parent=topic, title="Episode 1", publish_date=datetime.date(2021, 11, 20))
    return topic


def test_an_added_kind_is_a_listable_kind_editors_can_create_under_topics():
    assert PodcastPage in listable_page_models()
    assert PodcastPage in TopicIndexPage.creatable_subpage_models()
    assert PodcastPage.allowed_parent_page_models() == [TopicIndexPage]


def test_an_added_kind_is_listed_with_the_others_newest_first(podcast_topic):
    assert [(p.title, p.kind_info.kind) for p in podcast_topic.recent_items()] == [
        ("Episode 1", "podcast"),
        ("Library news", "news"),
    ]


def test_an_added_kind_can_be_filtered_in_the_listing_query(podcast_topic):
    listed = ListablePage.objects.listed_under(podcast_topic).of_kinds(["podcast"])

    assert [p.title for p in listed] == ["Episode 1"]


def test_topic_page_shows_an_added_kind_with_its_own_card(client, podcast_topic):
    response = client.get(podcast_topic.url)

    assert [(title, meta) for title, meta, _ in listed_cards(response)] == [
        ("Episode 1", "Publish Date: Podcast / 20 November 2021"),
        ("Library news", "Publish Date: News / 11 November 2021"),
    ]
    card = soup(response).select_one(".recent-items .card-podcast .card-listen")
    assert card.a["href"] == "https://example.org/episode.mp3"
    assert "42 minutes" in card.text


def test_topic_page_offers_a_filter_for_an_added_kind(client, podcast_topic):
    filters = soup(client.get(podcast_topic.url)).select(".listing-filters a")
    assert {link.text: link["href"] for link in filters}["Podcasts"] == "?kind=podcast"

    response = client.get(podcast_topic.url, {"kind": "podcast"})

    assert [title for title, _, _ in listed_cards(response)] == ["Episode 1"]


def test_the_items_api_lists_an_added_kind_with_its_own_fields(client, podcast_topic):
    data = get_json(
        client,
        "/api/v2/items/",
        {"child_of": podcast_topic.pk, "fields": "audio_url,duration_minutes"},
    )

    assert [(item["title"], item["kind"]) for item in data["items"]] == [
        ("Episode 1", "podcast"),
        ("Library news", "news"),
    ]
    episode = data["items"][0]
    assert (episode["kind_label"], episode["audio_url"], episode["duration_minutes"]) == (
        "Podcast",
        "https://example.org/episode.mp3",
        42,
    )


def test_the_items_api_filters_an_added_kind(client, podcast_topic):
    data = get_json(client, "/api/v2/items/", {"kind": "podcast"})

    assert [item["title"] for item in data["items"]] == ["Episode 1"]
