import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory, PageFactory

from tests.support.factories import ArticleFactory, TopicFactory, WebinarFactory
from tests.support.html import listed_cards, soup
from tests.support.seed import read_seed
from tests.support.syndication import (
    SITE_FEEDS,
    TOPIC_FEEDS,
    feed_entries,
    feed_titles,
    parse_json_feed,
    parse_xml_feed,
)

pytestmark = pytest.mark.django_db

ALL_FEEDS = [*TOPIC_FEEDS.values(), *SITE_FEEDS.values()]


@pytest.mark.parametrize("url", TOPIC_FEEDS.values())
def test_topic_feed_lists_the_seed_items_newest_first(client, demo, url):
    seed = read_seed()

    assert feed_titles(client, url) == [item.title for item in seed.items]


@pytest.mark.parametrize("url", TOPIC_FEEDS.values())
def test_topic_feed_items_carry_the_same_excerpts_and_links_as_the_html_list(client, demo, url):
    cards = listed_cards(client.get(demo.url))
    links = [a["href"] for a in soup(client.get(demo.url)).select(".recent-items .card-title a")]

    entries = feed_entries(client, url)

    assert [excerpt for _, _, excerpt, _ in entries] == [excerpt for _, _, excerpt in cards]
    assert [link for _, link, _, _ in entries] == [f"http://testserver{link}" for link in links]


@pytest.mark.parametrize("url", TOPIC_FEEDS.values())
def test_topic_feed_items_are_categorised_by_their_tags(client, demo, url):
    first = feed_entries(client, url)[0]

    assert sorted(first[3]) == ["crisis response", "museums"]


def test_rss_and_atom_are_valid_and_dated_by_the_publish_date(client, demo):
    rss = parse_xml_feed(client.get(TOPIC_FEEDS["rss"]))
    atom = parse_xml_feed(client.get(TOPIC_FEEDS["atom"]))

    assert rss.version == "rss20"
    assert atom.version == "atom10"
    assert rss.feed.title == "Partnerships & collaboration · Library partnerships"
    assert rss.feed.link == "http://testserver/partnerships-collaboration/"
    for feed in (rss, atom):
        published = feed.entries[0].published_parsed
        assert (published.tm_year, published.tm_mon, published.tm_mday) == (2021, 11, 11)
        assert all(entry.id.startswith("tag:testserver,") for entry in feed.entries)
    assert atom.feed.author == "Library partnerships"


def test_json_feed_has_the_required_and_promised_keys(client, demo):
    feed = parse_json_feed(client.get(TOPIC_FEEDS["json"]))

    assert feed["home_page_url"] == "http://testserver/partnerships-collaboration/"
    assert feed["feed_url"] == "http://testserver/partnerships-collaboration/feed.json"
    first = feed["items"][0]
    assert first["url"].endswith("/build-on-strengths-when-responding-to-a-crisis/")
    assert first["date_published"].startswith("2021-11-11T00:00:00")
    assert datetime.datetime.fromisoformat(first["date_modified"])


def test_html_in_a_title_or_excerpt_is_text_in_every_format(client, topic):
    ArticleFactory(parent=topic, title="Fish & <chips>", summary="Salt & <vinegar>")

    for url in ("/feed.rss", "/feed.atom", "/feed.json"):
        ((title, _, excerpt, _),) = feed_entries(client, url)
        assert (title, excerpt) == ("Fish & <chips>", "Salt & <vinegar>")


@pytest.mark.parametrize("url", TOPIC_FEEDS.values())
def test_listing_image_is_an_absolute_sharing_rendition(client, topic, url):
    ArticleFactory(parent=topic, slug="pictured", listing_image=ImageFactory())
    url = url.replace("partnerships-collaboration", topic.slug)

    response = client.get(url)

    if url.endswith(".json"):
        image = parse_json_feed(response)["items"][0]["image"]
    else:
        (enclosure,) = parse_xml_feed(response).entries[0].enclosures
        assert enclosure.type.startswith("image/")
        image = enclosure.href
    assert image.startswith("http://testserver/media/images/")
    assert ".fill-1200x630" in image


@pytest.mark.parametrize("url", SITE_FEEDS.values())
def test_site_wide_feed_lists_every_topic_newest_first(client, home, topic, url):
    other = TopicFactory(parent=home, title="Other", slug="other")
    ArticleFactory(parent=topic, title="Mine", publish_date=datetime.date(2021, 1, 1))
    WebinarFactory(parent=other, title="Theirs", publish_date=datetime.date(2021, 6, 1))
    ArticleFactory(parent=other, title="Oldest", publish_date=datetime.date(2020, 1, 1))

    assert feed_titles(client, url) == ["Theirs", "Mine", "Oldest"]


@pytest.mark.parametrize("url", ALL_FEEDS)
def test_kind_filter_keeps_one_kind(client, demo, url):
    webinars = [item.title for item in read_seed().items if "Webinar" in item.meta]

    assert feed_titles(client, f"{url}?kind=webinar") == webinars


@pytest.mark.parametrize("url", ALL_FEEDS)
def test_unknown_kind_is_a_bad_request_that_says_which_kinds_exist(client, demo, url):
    response = client.get(url, {"kind": "newsletter"})

    assert response.status_code == 400
    assert (
        response.content.decode()
        == "There is no kind called “newsletter”. Use one of: news, podcast, webinar."
    )


@pytest.mark.parametrize("url", ALL_FEEDS)
def test_feed_size_follows_the_setting(client, demo, settings, url):
    settings.PARTNERSHIPS = {"FEED_SIZE": 3}

    assert feed_titles(client, url) == [item.title for item in read_seed().items[:3]]


@pytest.mark.parametrize("url", ALL_FEEDS)
def test_feeds_answer_revalidation_with_not_modified(client, demo, url):
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert "public" in first["Cache-Control"]

    again = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_topic_page_advertises_its_feeds_for_autodiscovery(client, demo):
    links = soup(client.get(demo.url)).select('head link[rel="alternate"]')
    by_type = {link["type"]: link["href"] for link in links}

    assert by_type == {
        "application/rss+xml": "http://testserver/partnerships-collaboration/feed.rss",
        "application/atom+xml": "http://testserver/partnerships-collaboration/feed.atom",
        "application/feed+json": "http://testserver/partnerships-collaboration/feed.json",
        "text/calendar": "http://testserver/partnerships-collaboration/webinars.ics",
    }
    for href in by_type.values():
        assert client.get(href).status_code == 200


def test_feeds_follow_a_topic_that_moves(client, home, topic):
    parent = PageFactory(parent=home, title="Section", slug="parent")
    ArticleFactory(parent=topic, title="Travels with its topic")
    topic.move(parent, pos="last-child")

    assert feed_titles(client, "/parent/partnerships-collaboration/feed.rss") == [
        "Travels with its topic"
    ]
    assert client.get("/partnerships-collaboration/feed.rss").status_code == 404


def feed_queries(client, url):
    """Queries of one request that no cached response answers."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert b"tag 0" in response.content
    return len(queries)


@pytest.mark.parametrize("url", ALL_FEEDS)
def test_feed_queries_do_not_grow_with_items(client, topic, url, django_assert_max_num_queries):
    def add_items(count):
        for n in range(count):
            page = ArticleFactory(parent=topic, listing_image=ImageFactory())
            page.tags.add(f"tag {n}", "shared")
            page.save_revision().publish()

    add_items(2)
    client.get(url)  # generates the renditions
    with_two = feed_queries(client, url)
    add_items(18)
    cache.clear()
    client.get(url)

    cache.clear()
    with django_assert_max_num_queries(with_two):
        assert len(feed_titles(client, url)) == 20
