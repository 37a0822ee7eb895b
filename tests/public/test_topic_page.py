import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.factories import ArticleFactory, WebinarFactory
from tests.support.html import listed_cards, soup, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_topic(topic):
    """25 items, alternating kinds, newest first by title number."""
    for n in range(25):
        factory = ArticleFactory if n % 2 else WebinarFactory
        factory(
            parent=topic,
            title=f"Item {n:02d}",
            publish_date=datetime.date(2021, 1, 1) + datetime.timedelta(days=100 - n),
        )
    return topic


def titles(response):
    return [title for title, _, _ in listed_cards(response)]


def test_topic_page_shows_ten_items_per_page(client, busy_topic):
    first, second, third = (client.get(busy_topic.url, {"page": n}) for n in (1, 2, 3))

    assert titles(first) == [f"Item {n:02d}" for n in range(10)]
    assert titles(second) == [f"Item {n:02d}" for n in range(10, 20)]
    assert titles(third) == [f"Item {n:02d}" for n in range(20, 25)]


def test_editors_choose_how_many_items_a_page_shows(client, busy_topic):
    busy_topic.items_per_page = 3
    busy_topic.save_revision().publish()

    assert titles(client.get(busy_topic.url)) == ["Item 00", "Item 01", "Item 02"]


def test_pagination_links_keep_the_active_filters(client, busy_topic):
    page = soup(client.get(busy_topic.url, {"kind": "news"}))

    assert page.select_one('.pagination a[rel="next"]')["href"] == "?kind=news&page=2"


def test_kind_filter_shows_one_kind(client, busy_topic):
    response = client.get(busy_topic.url, {"kind": "webinar"})

    assert {meta.split(" / ")[0] for _, meta, _ in listed_cards(response)} == {
        "Publish Date: Webinar"
    }
    assert titles(response)[:2] == ["Item 00", "Item 02"]


def test_tag_filter_shows_tagged_items(client, topic):
    tagged = ArticleFactory(parent=topic, title="Tagged")
    tagged.tags.add("Public Health")
    tagged.save_revision().publish()
    ArticleFactory(parent=topic, title="Untagged")

    assert titles(client.get(topic.url, {"tag": "public-health"})) == ["Tagged"]


def test_a_tag_nobody_used_shows_an_empty_listing_that_says_so(client, busy_topic):
    response = client.get(busy_topic.url, {"tag": "no-such-tag"})

    assert response.status_code == 200
    assert titles(response) == []
    assert "Nothing is tagged “no-such-tag” here yet." in response.text


@pytest.mark.parametrize("query", [{"page": "0"}, {"page": "99999"}, {"page": "9" * 40}])
def test_a_page_number_past_the_listing_is_not_found(client, busy_topic, query):
    response = client.get(busy_topic.url, query)

    assert response.status_code == 404
    assert b"Page not found" in response.content


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ({"page": "abc"}, "page must be a whole number, such as 2"),
        ({"page": "-1"}, "page must be a whole number, such as 2"),
        ({"page": "1e20"}, "page must be a whole number, such as 2"),
        ({"kind": "newsletter"}, "There is no kind called “newsletter”. Use one of:"),
        ({"kind": "news\x00"}, "kind: NUL characters are not allowed"),
        ({"tag": "\x00"}, "tag: NUL characters are not allowed"),
        ({"page": "1\x00"}, "page: NUL characters are not allowed"),
    ],
)
def test_a_listing_parameter_it_cannot_use_is_a_bad_request_saying_why(
    client, busy_topic, query, says
):
    response = client.get(busy_topic.url, query)

    assert response.status_code == 400
    assert says in text(soup(response).select_one(".listing-error"))
    assert soup(response).h1.text == busy_topic.title  # the topic page still, not an error page


def test_an_empty_topic_says_nothing_has_been_added_yet(client, topic):
    response = client.get(topic.url)

    assert response.status_code == 200
    assert "Nothing has been added yet." in response.text


@pytest.mark.parametrize("children", [10, 200])
def test_topic_page_issues_a_constant_number_of_queries(
    client, topic, children, django_assert_max_num_queries
):
    for n in range(children):
        factory = ArticleFactory if n % 2 else WebinarFactory
        page = factory(parent=topic, title=f"Item {n}")
        page.tags.add("outreach")
        page.save()
    client.get(topic.url)  # warm Wagtail's site-root and content-type caches

    # the Site, routing (home, topic), the listing with each kind's fields,
    # upcoming webinars, related topics: webinar cards read their times without
    # a query of their own
    with django_assert_max_num_queries(6):
        response = client.get(topic.url)
    assert len(listed_cards(response)) == 10
    assert len(soup(response).select(".upcoming-items .card-webinar")) == 3


def test_page_has_landmarks_and_headings_in_order(client, demo):
    page = soup(client.get(demo.url))

    assert page.find("header") and page.find("main") and page.find("footer")
    levels = [int(h.name[1]) for h in page.select("main h1, main h2, main h3")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    assert all(img.has_attr("alt") for img in page.find_all("img"))
    assert all(img["alt"] for img in page.select("main img"))  # the logo is decorative
    assert page.html["lang"] == "en-us"


def test_upcoming_webinar_offers_registration_with_its_time_zone(client, topic):
    webinar = WebinarFactory(
        parent=topic, registration_url="https://example.org/register", recording_url=""
    )
    page = soup(client.get(webinar.url))

    register = page.select_one(".webinar-when a.button")
    assert register["href"] == "https://example.org/register"
    assert "Register" in register.text
    assert page.select_one(".webinar-when abbr").text in {"EST", "EDT"}
    assert (
        page.select_one(".webinar-when time")["datetime"]
        == webinar.starts_at.astimezone(ZoneInfo("America/New_York")).isoformat()
    )


def test_past_webinar_links_its_recording_instead_of_registration(client, topic):
    past = datetime.datetime(2021, 10, 19, 19, 0, tzinfo=datetime.UTC)
    webinar = WebinarFactory(
        parent=topic,
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=1),
        registration_url="https://example.org/register",
        recording_url="https://example.org/recording",
    )
    response = client.get(webinar.url)

    assert "https://example.org/recording" in response.text
    assert "https://example.org/register" not in response.text
    # 19:00 UTC is 3 p.m. in New York, in the site's language (en-us: 12-hour)
    when = " ".join(soup(response).select_one(".webinar-time").get_text().split())
    assert when == "Recording available Tue 19 October 2021, 3–4 p.m. EDT"


def test_article_page_shows_body_and_tags_linking_to_the_topic_filter(client, topic):
    article = ArticleFactory(parent=topic, body=[("paragraph", "<p>Full story here.</p>")])
    article.tags.add("outreach")
    article.save_revision().publish()
    page = soup(client.get(article.url))

    assert "Full story here." in page.select_one(".item-body").text
    assert page.select_one(".item-tags a")["href"] == f"{topic.url}?tag=outreach"


def test_pages_are_numbered_without_counting_the_items(client, busy_topic):
    with CaptureQueriesContext(connection) as queries:
        page = soup(client.get(busy_topic.url, {"page": 2}))

    assert page.select_one(".pagination span").get_text() == "Page 2"
    assert page.select_one('.pagination a[rel="prev"]')["href"] == "?page=1"
    assert page.select_one('.pagination a[rel="next"]')["href"] == "?page=3"
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]


def test_the_last_page_links_only_to_newer_items(client, busy_topic):
    page = soup(client.get(busy_topic.url, {"page": 3}))

    assert page.select_one('.pagination a[rel="prev"]')["href"] == "?page=2"
    assert page.select_one('.pagination a[rel="next"]') is None
