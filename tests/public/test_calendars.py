import datetime
import time

import pytest
from django.utils import timezone

from partnerships.models import WebinarPage
from tests.support.factories import ArticleFactory, TopicFactory, WebinarFactory
from tests.support.html import soup
from tests.support.syndication import calendar_events, event_titles, parse_calendar

pytestmark = pytest.mark.django_db


def publish_webinar(topic, title, starts_in_days, **fields):
    """A webinar published through Wagtail, as an editor would."""
    starts_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=starts_in_days)
    webinar = WebinarFactory(
        parent=topic,
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        live=False,
        **fields,
    )
    webinar.save_revision().publish()
    return WebinarPage.objects.get(pk=webinar.pk)


def calendar_url(webinar):
    return f"{webinar.url}calendar.ics"


def test_seed_webinar_calendar_is_the_webinar_in_utc(client, demo):
    webinar = WebinarPage.objects.get(slug="smart-spaces-are-community-places")

    (event,) = calendar_events(client, calendar_url(webinar))

    # 3 pm in New York on 27 April 2021 (daylight saving time) is 7 pm UTC.
    assert event.decoded("DTSTART") == datetime.datetime(2021, 4, 27, 19, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2021, 4, 27, 20, tzinfo=datetime.UTC)
    assert event.decoded("DTSTART") == webinar.starts_at
    assert str(event["UID"]) == f"webinar-{webinar.pk}@testserver"
    assert str(event["SUMMARY"]) == "Smart Spaces are Community Places"
    assert str(event["URL"]) == f"http://testserver{webinar.url}"
    assert str(event["DESCRIPTION"]).startswith(
        "Tue 27 April 2021, 3–4 p.m. EDT\n\nIn this webinar, learn design thinking"
    )
    assert event["CATEGORIES"].cats == ["library spaces"]
    assert event.decoded("LAST-MODIFIED") == webinar.last_published_at
    assert event.decoded("DTSTAMP") == webinar.last_published_at


def test_webinar_calendar_is_served_inline_with_a_file_name(client, demo):
    webinar = WebinarPage.objects.get(slug="smart-spaces-are-community-places")

    response = client.get(calendar_url(webinar))

    assert response["Content-Disposition"] == (
        'inline; filename="smart-spaces-are-community-places.ics"'
    )


def test_upcoming_webinar_page_links_to_its_calendar(client, topic):
    webinar = publish_webinar(topic, "Soon", starts_in_days=3)

    link = soup(client.get(webinar.url)).select_one("a.add-to-calendar")

    assert link["href"] == f"http://testserver{webinar.url}calendar.ics"
    assert event_titles(client, link["href"]) == ["Soon"]


def test_topic_calendar_lists_upcoming_webinars_soonest_first(client, topic, settings):
    settings.PARTNERSHIPS = {}  # an organisation without an email address
    publish_webinar(topic, "Next month", starts_in_days=30)
    publish_webinar(topic, "Tomorrow", starts_in_days=1)
    publish_webinar(topic, "Last week", starts_in_days=-7)
    ArticleFactory(parent=topic, title="News is not an event")

    calendar = parse_calendar(client.get("/partnerships-collaboration/webinars.ics"))

    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Tomorrow", "Next month"]
    assert str(calendar["X-WR-CALNAME"]) == (
        "Partnerships & collaboration webinars · Library partnerships"
    )
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=1)
    # No email address for the site's organisation: no ORGANIZER, so no METHOD.
    assert "METHOD" not in calendar
    assert all("ORGANIZER" not in event for event in calendar.walk("VEVENT"))


def test_published_calendars_name_their_organizer(client, topic, settings):
    settings.PARTNERSHIPS = {
        "ORGANIZATION": {"name": "Hudson Valley Libraries", "email": "webinars@example.org"}
    }
    publish_webinar(topic, "Tomorrow", starts_in_days=1)
    webinar = publish_webinar(topic, "Next week", starts_in_days=7)

    for url in ("/webinars.ics", "/partnerships-collaboration/webinars.ics", calendar_url(webinar)):
        calendar = parse_calendar(client.get(url))
        assert calendar["METHOD"] == "PUBLISH", url
        events = calendar.walk("VEVENT")
        assert events, url
        for event in events:  # RFC 5546: every PUBLISHed event has an ORGANIZER
            assert str(event["ORGANIZER"]) == "mailto:webinars@example.org"
            assert event["ORGANIZER"].params["CN"] == "Hudson Valley Libraries"


def test_a_calendar_without_events_is_still_a_valid_calendar(client, demo):
    response = client.get("/partnerships-collaboration/webinars.ics")
    calendar = parse_calendar(response)

    assert calendar.walk("VEVENT") == []
    # RFC 5545: a VCALENDAR holds at least one component; the site's time zone is one.
    assert [component.name for component in calendar.subcomponents] == ["VTIMEZONE"]
    assert str(calendar.subcomponents[0]["TZID"]) == "America/New_York"
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "PRODID:" in text and "VERSION:2.0" in text


def test_seed_topic_calendar_is_empty_once_its_webinars_are_over(client, demo):
    assert event_titles(client, "/partnerships-collaboration/webinars.ics") == []


def test_site_wide_calendar_gathers_every_topics_webinars(client, home, topic):
    other = TopicFactory(parent=home, title="Other", slug="other")
    publish_webinar(topic, "Ours", starts_in_days=2)
    publish_webinar(other, "Theirs", starts_in_days=1)

    assert event_titles(client, "/webinars.ics") == ["Theirs", "Ours"]
    assert event_titles(client, "/other/webinars.ics") == ["Theirs"]


def test_a_moved_webinar_keeps_its_uid_and_raises_its_sequence(
    client, topic, django_capture_on_commit_callbacks
):
    webinar = publish_webinar(topic, "Moving", starts_in_days=5)
    (before,) = calendar_events(client, "/partnerships-collaboration/webinars.ics")

    time.sleep(1)  # SEQUENCE counts seconds
    webinar.starts_at += datetime.timedelta(days=1)
    webinar.ends_at += datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):  # the new content version
        webinar.save_revision().publish()
    (after,) = calendar_events(client, "/partnerships-collaboration/webinars.ics")

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after.decoded("DTSTART") == before.decoded("DTSTART") + datetime.timedelta(days=1)


def test_a_cancelled_webinar_leaves_the_calendars_and_its_file_is_gone(client, topic):
    publish_webinar(topic, "Going ahead", starts_in_days=2)
    cancelled = publish_webinar(topic, "Cancelled", starts_in_days=3)
    url = calendar_url(cancelled)

    cancelled.unpublish()

    assert event_titles(client, "/partnerships-collaboration/webinars.ics") == ["Going ahead"]
    assert event_titles(client, "/webinars.ics") == ["Going ahead"]
    assert client.get(url).status_code == 404


def test_an_expired_webinar_has_no_calendar_file(client, topic):
    webinar = publish_webinar(topic, "Expired", starts_in_days=3)
    WebinarPage.objects.filter(pk=webinar.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert client.get(calendar_url(webinar)).status_code == 404


def test_calendars_answer_revalidation_with_not_modified(client, topic):
    webinar = publish_webinar(topic, "Cached", starts_in_days=3)
    for url in ("/webinars.ics", "/partnerships-collaboration/webinars.ics", calendar_url(webinar)):
        first = client.get(url)

        again = client.get(url, headers={"If-None-Match": first["ETag"]})

        assert again.status_code == 304, url


def test_calendar_queries_do_not_grow_with_webinars(
    client, topic, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for n in range(2):
        publish_webinar(topic, f"Webinar {n}", starts_in_days=n + 1, tags=["a", "b"])
    with django_assert_max_num_queries(8) as queries:
        client.get("/webinars.ics")
    two = len(queries)
    with django_capture_on_commit_callbacks(execute=True):  # not the cached response
        for n in range(2, 20):
            publish_webinar(topic, f"Webinar {n}", starts_in_days=n + 1, tags=["a", "b"])

    with django_assert_max_num_queries(two):
        assert len(event_titles(client, "/webinars.ics")) == 20
