"""Webinar cards say when a webinar happens, whether it is still to come, and what to do."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone, translation

from partnerships.models import ListablePage, WebinarPage
from partnerships.times import time_range
from tests.support.factories import ArticleFactory, WebinarFactory
from tests.support.html import soup, text
from tests.support.query_counts import import_items

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def at(*args):
    return datetime.datetime(*args, tzinfo=NEW_YORK)


def test_times_follow_the_sites_language_and_time_zone():
    one_hour = time_range(at(2026, 12, 10, 14), at(2026, 12, 10, 15))
    assert str(one_hour) == "Thu 10 December 2026, 2–3 p.m. EST"
    assert str(time_range(at(2026, 7, 2, 11, 30), at(2026, 7, 2, 12, 30))) == (
        "Thu 2 July 2026, 11:30 a.m.–12:30 p.m. EDT"
    )
    assert str(time_range(at(2026, 12, 10, 23), at(2026, 12, 11, 1))) == (
        "Thu 10 December 2026, 11 p.m. – Fri 11 December 2026, 1 a.m. EST"
    )
    with translation.override("de"):  # a 24-hour language
        assert str(one_hour) != str(time_range(at(2026, 12, 10, 14), at(2026, 12, 10, 15)))
        assert "14:00–15:00 EST" in str(time_range(at(2026, 12, 10, 14), at(2026, 12, 10, 15)))


def words(element):
    """The text as read aloud: pieces joined as the HTML joins them."""
    return " ".join(element.get_text().split())


def card_of(response, title, within=".recent-items"):
    for card in soup(response).select(f"{within} .card"):
        if text(card.select_one(".card-title")) == title:
            return card
    raise AssertionError(f"no card titled {title!r} in {within}")


def test_an_upcoming_webinar_card_shows_when_a_badge_and_register(client, topic):
    WebinarFactory(
        parent=topic,
        title="Gardens",
        publish_date=datetime.date(2026, 12, 1),
        starts_at=at(2026, 12, 10, 14),
        ends_at=at(2026, 12, 10, 15),
        registration_url="https://example.org/register",
        recording_url="https://example.org/recording",
    )
    with timezone.override(NEW_YORK):
        card = card_of(client.get(topic.url), "Gardens")

    assert text(card.select_one(".card-meta")) == "Publish Date: Webinar / 1 December 2026"
    assert text(card.select_one(".badge")) == "Upcoming"
    assert words(card.select_one(".when")) == "Thu 10 December 2026, 2–3 p.m. EST"
    assert card.select_one(".when time")["datetime"] == "2026-12-10T14:00:00-05:00"
    (button,) = card.select(".card-actions a")
    assert button["href"] == "https://example.org/register"
    assert words(button) == "Register: Gardens"


@pytest.mark.parametrize(
    "recording, badge, action",
    [
        ("https://example.org/recording", "Recording available", "Watch the recording"),
        ("", "Past", None),
    ],
)
def test_a_past_webinar_card_offers_its_recording_when_it_has_one(
    client, topic, recording, badge, action
):
    WebinarFactory(
        parent=topic,
        title="Looking back",
        starts_at=at(2021, 10, 19, 15),
        ends_at=at(2021, 10, 19, 16),
        registration_url="https://example.org/register",
        recording_url=recording,
    )
    card = card_of(client.get(topic.url), "Looking back")

    assert text(card.select_one(".badge")) == badge
    assert "https://example.org/register" not in str(card)
    links = card.select(".card-actions a")
    if action:
        assert [words(link) for link in links] == [f"{action}: Looking back"]
        assert links[0]["href"] == recording
    else:
        assert links == []


def test_a_webinar_in_progress_is_still_upcoming(client, topic):
    now = timezone.now()
    WebinarFactory(
        parent=topic,
        title="Live now",
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(minutes=30),
    )
    response = client.get(topic.url)

    assert text(card_of(response, "Live now", ".upcoming-items").select_one(".badge")) == (
        "Upcoming"
    )


def test_upcoming_webinars_lead_the_first_page_soonest_first(client, topic):
    now = timezone.now()
    for title, days in [("Next month", 30), ("Tomorrow", 1), ("Last week", -7), ("Next week", 7)]:
        WebinarFactory(
            parent=topic,
            title=title,
            starts_at=now + datetime.timedelta(days=days),
            ends_at=now + datetime.timedelta(days=days, hours=1),
        )
    ArticleFactory(parent=topic, title="News")

    page = soup(client.get(topic.url))

    headings = [text(h) for h in page.select("main h2")]
    assert headings.index("Upcoming events") < headings.index("Most Recently Added")
    upcoming = [text(t) for t in page.select(".upcoming-items .card-title")]
    assert upcoming == ["Tomorrow", "Next week", "Next month"]
    # Most Recently Added is unchanged: everything, newest publish date first.
    assert len(page.select(".recent-items .card")) == 5


def test_the_upcoming_section_follows_the_filters_and_stays_on_page_one(client, topic):
    topic.items_per_page = 1
    topic.save_revision().publish()
    tagged = WebinarFactory(parent=topic, title="Tagged")
    tagged.tags.add("outreach")
    tagged.save_revision().publish()
    WebinarFactory(parent=topic, title="Untagged")

    def upcoming(**params):
        page = soup(client.get(topic.url, params))
        return [text(t) for t in page.select(".upcoming-items .card-title")]

    assert upcoming() == ["Tagged", "Untagged"]
    assert upcoming(tag="outreach") == ["Tagged"]
    assert upcoming(kind="webinar") == ["Tagged", "Untagged"]
    assert upcoming(kind="news") == []
    assert upcoming(page=2) == []


def test_no_upcoming_section_when_nothing_is_to_come(client, demo):
    page = soup(client.get(demo.url))

    assert page.select_one(".upcoming") is None


def test_upcoming_is_one_rule_for_every_listing(topic):
    now = timezone.now()
    soon = WebinarFactory(parent=topic, starts_at=now, ends_at=now + datetime.timedelta(hours=1))
    over = WebinarFactory(
        parent=topic,
        starts_at=now - datetime.timedelta(hours=2),
        ends_at=now - datetime.timedelta(hours=1),
    )
    ArticleFactory(parent=topic)

    assert list(WebinarPage.objects.upcoming().values_list("pk", flat=True)) == [soon.pk]
    assert list(WebinarPage.objects.past().values_list("pk", flat=True)) == [over.pk]
    assert list(ListablePage.objects.upcoming().values_list("pk", flat=True)) == [soon.pk]
    assert list(ListablePage.objects.past().values_list("pk", flat=True)) == [over.pk]
    assert soon.is_upcoming and not over.is_upcoming


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_the_listing_with_card_fields_still_reads_the_index_without_sorting(home, topic):
    import_items(topic, 1500)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        query = ListablePage.objects.listed_under(topic).for_cards()[:11].query
        sql, params = query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "listable_topic_newest" in plan, plan
    assert "Sort" not in plan, plan
