"""The demo's header, footer, favicon, accessibility statement and error pages."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnerships.models import TopicIndexPage
from tests.support.factories import ArticleFactory, TopicFactory, WebinarFactory
from tests.support.html import soup, text
from tests.support.restrictions import restrict

pytestmark = pytest.mark.django_db


def nav_titles(response):
    return [text(a) for a in soup(response).select(".site-nav a")]


def test_every_page_links_the_sites_topics_and_a_search_box(client, demo):
    for url in ("/", demo.url, "/search/?q=health", "/accessibility/", "/no-such-page/"):
        page = soup(client.get(url))
        assert [text(a) for a in page.select(".site-nav a")] == [
            "Partnerships & collaboration",
            "Community engagement",
        ], url
        form = page.select_one("header form[role=search]")
        assert form["action"] == "/search/" and form.select_one("input[name=q]")
        assert page.select_one(f'label[for="{form.input["id"]}"]'), url


def test_the_current_topic_is_marked_in_the_navigation(client, demo):
    current = soup(client.get(demo.url)).select('.site-nav a[aria-current="page"]')

    assert [text(a) for a in current] == ["Partnerships & collaboration"]


def test_the_footer_gives_contact_details_and_the_accessibility_statement(client, demo):
    footer = soup(client.get(demo.url)).select_one("footer")

    assert "120 Market Street, Poughkeepsie, NY 12601" in text(footer)
    assert footer.select_one('a[href="mailto:partnerships@example.org"]')
    assert footer.select_one('a[href="tel:+18455550142"]')
    statement = footer.find("a", string="Accessibility statement")
    assert statement["href"] == "/accessibility/"

    page = soup(client.get(statement["href"]))
    assert text(page.h1) == "Accessibility statement"
    assert "WCAG" in text(page.main) and "access@example.org" in text(page.main)


def test_the_navigation_costs_no_query_once_warm(client, demo):
    with CaptureQueriesContext(connection) as cold:
        client.get("/")
    assert [q for q in cold if "show_in_menus" in q["sql"].partition("WHERE")[2]]
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    menu_queries = [q for q in queries if "show_in_menus" in q["sql"].partition("WHERE")[2]]
    assert menu_queries == []


def test_an_unpublished_or_restricted_topic_leaves_the_navigation_at_once(client, demo):
    assert "Community engagement" in nav_titles(client.get("/"))
    community = TopicIndexPage.objects.get(slug="community-engagement")

    community.unpublish()
    assert "Community engagement" not in nav_titles(client.get("/"))

    restrict(demo)
    assert nav_titles(client.get("/")) == []


def test_a_new_topic_shown_in_menus_joins_the_navigation(client, demo):
    client.get("/")
    topic = TopicFactory(parent=demo.get_parent(), title="Reading", slug="reading", live=False)
    topic.show_in_menus = True
    topic.save_revision().publish()

    assert nav_titles(client.get("/"))[-1] == "Reading"


def test_favicon_is_served_at_the_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_not_found_pages_say_what_happened_in_words(client, demo, settings):
    settings.DEBUG = False
    for url, says in [
        ("/no-such-page/", "There is no page at this address."),
        (f"{demo.url}?page=99", "There is no such page of items."),
    ]:
        response = client.get(url)
        assert response.status_code == 404
        main = text(soup(response).main)
        assert says in main, url
        assert "Http404" not in response.text and "Resolver404" not in response.text
        assert soup(response).select_one("main form[role=search]")


def test_search_results_name_their_kind_date_and_topic(client, demo):
    page = soup(client.get("/search/", {"q": "telehealth"}))

    (card,) = page.select(".search-results .card")
    assert text(card.select_one(".card-meta")) == "Publish Date: News / 1 June 2021"
    topic = card.select_one(".card-topic a")
    assert (text(topic), topic["href"]) == ("Partnerships & collaboration", demo.url)
    levels = [int(h.name[1]) for h in page.select("main h1, main h2, main h3")]
    assert levels == [1, 2, 3]  # h1, the result count, the result


def test_search_results_cost_the_same_however_many_they_show(
    client, topic, django_assert_max_num_queries
):
    def add(count, word):
        for n in range(count):
            factory = WebinarFactory if n % 2 else ArticleFactory
            factory(parent=topic, title=f"{word} {n}", summary=f"About {word}.")

    add(2, "orchards")
    add(8, "gardens")
    client.get("/search/", {"q": "orchards"})  # warm Wagtail's caches
    with CaptureQueriesContext(connection) as two:
        client.get("/search/", {"q": "orchards"})
    with django_assert_max_num_queries(len(two)):
        response = client.get("/search/", {"q": "gardens"})
    cards = soup(response).select(".search-results .card")
    assert len(cards) == 8
    assert all(card.select_one(".card-topic a") for card in cards)
    assert len(soup(response).select(".search-results .card-webinar .when")) == 4


def test_a_topic_leaves_the_navigation_at_its_expiry_time(client, demo):
    expires_at = timezone.now() + datetime.timedelta(minutes=5)
    TopicIndexPage.objects.filter(slug="community-engagement").update(expire_at=expires_at)
    assert "Community engagement" in nav_titles(client.get("/"))  # cached now

    with time_machine.travel(expires_at + datetime.timedelta(seconds=1), tick=False):
        assert "Community engagement" not in nav_titles(client.get("/"))
