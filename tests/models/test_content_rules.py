"""The rules for text and links hold for every writer: the admin, the shell, the importer.

Feeds, calendars and pages also stay whole when text got past them (a
script, an old import): their writers drop what they cannot carry.
"""

import datetime

import feedparser
import icalendar
import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerships.models import ListablePage, TopicIndexPage, WebinarPage
from tests.support.admin_forms import edit_url, form_values
from tests.support.factories import ArticleFactory, WebinarFactory
from tests.support.syndication import parse_calendar, parse_json_feed, parse_xml_feed

pytestmark = pytest.mark.django_db

FEEDS = ["feed.rss", "feed.atom", "feed.json"]


@pytest.mark.parametrize(
    ("title", "problem"),
    [
        ("Libraries\x0band health", "U+000B"),
        ("Libraries\x00and health", "U+0000"),
        ("Libraries\x1band health", "U+001B"),
        ("Libraries\r\nand health", "one line"),
    ],
)
def test_a_title_with_a_control_character_or_line_break_is_refused_from_the_shell(
    topic, title, problem
):
    page = ArticleFactory.build(title=title, slug="refused")

    with pytest.raises(ValidationError) as refused:
        topic.add_child(instance=page)  # Wagtail's Page.save runs full_clean

    assert problem in " ".join(refused.value.message_dict["title"])
    assert not ListablePage.objects.filter(slug="refused").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("registration_url", "javascript:alert(document.domain)"),
        ("recording_url", "data:text/html,<script>alert(1)</script>"),
        ("registration_url", "ftp://example.org/register"),
    ],
)
def test_a_webinar_link_that_is_not_a_web_address_is_refused_from_the_shell(topic, field, value):
    webinar = WebinarFactory(parent=topic)
    setattr(webinar, field, value)

    with pytest.raises(ValidationError) as refused:
        webinar.save()

    assert "https://" in " ".join(refused.value.message_dict[field])


def test_a_licence_link_that_is_not_a_web_address_is_refused_from_the_shell(topic):
    topic.hero_image_licence_url = "javascript:alert(1)"

    with pytest.raises(ValidationError) as refused:
        topic.save()

    assert "run code" in " ".join(refused.value.message_dict["hero_image_licence_url"])


def test_a_summary_longer_than_lists_show_is_refused(topic):
    with pytest.raises(ValidationError) as refused:
        ArticleFactory(parent=topic, summary="word " * 60)

    assert refused.value.message_dict["summary"] == [
        "Keep the summary to 250 characters, as much as lists show; it has 299."
    ]


def test_a_title_pasted_from_a_word_processor_is_tidied_by_the_admin(client, topic):
    from django.contrib.auth.models import User

    page = ArticleFactory(parent=topic)
    client.force_login(User.objects.create_superuser("admin", password="x"))
    values = form_values(client.get(edit_url(page)))
    values.update(title="Libraries\x0band health", summary="One line.\x0bAnother.")
    values["action-publish"] = "action-publish"

    response = client.post(edit_url(page), values)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Libraries and health"
    assert page.summary == "One line.\nAnother."
    assert client.get(f"{topic.url}feed.rss").status_code == 200


def plant(page, **fields):
    """Store text past every rule, as an old import or a script could have."""
    type(page).objects.filter(pk=page.pk).update(**fields)
    cache.clear()


def syndication_of(client, topic, webinar):
    """Every feed and calendar a reader can fetch, each parsed as its readers parse it."""
    for feed in FEEDS:
        for url in (f"{topic.url}{feed}", f"/{feed}"):
            response = client.get(url)
            if feed.endswith(".json"):
                parse_json_feed(response)
            else:
                parse_xml_feed(response)
    for url in (f"{topic.url}webinars.ics", "/webinars.ics", f"{webinar.url}calendar.ics"):
        calendar = parse_calendar(client.get(url))
        assert calendar.walk("VEVENT")


@pytest.mark.parametrize(
    "text",
    ["Line\x0bbreak", "Tab\tand\r\nCRLF", "Escape\x1b[31m", "RTL \u202eevil\u202c", "\ufffe\uffff"],
)
def test_planted_text_never_breaks_a_feed_or_calendar(client, topic, text):
    webinar = WebinarFactory(parent=topic)
    plant(webinar, title=f"Webinar {text}", summary=text, excerpt=text)
    plant(TopicIndexPage.objects.get(pk=topic.pk), title=f"Topic {text}", teaser=text)

    syndication_of(client, topic, webinar)


def test_a_planted_javascript_link_never_reaches_an_href_or_the_json_ld(client, topic):
    webinar = WebinarFactory(parent=topic)
    plant(webinar, registration_url="javascript:alert(document.domain)")
    plant(
        TopicIndexPage.objects.get(pk=topic.pk),
        hero_image_licence_url="javascript:alert(1)",
        hero_image_licence="CC BY",
    )

    for url in (webinar.url, topic.url, f"{webinar.url}calendar.ics"):
        response = client.get(url)
        assert response.status_code == 200
        assert b"javascript:" not in response.content, url


# What a database can store: PostgreSQL refuses NUL in text, and neither
# database can store a lone surrogate (they are tested on the writers below).
STORABLE = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="\x00" if connection.vendor == "postgresql" else "",
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=st.text(STORABLE, min_size=1, max_size=80), summary=st.text(STORABLE, max_size=200))
def test_any_unicode_in_titles_and_summaries_gives_parseable_feeds_and_calendars(
    client, topic, title, summary
):
    webinar = WebinarPage.objects.filter(topic=topic).first() or WebinarFactory(parent=topic)
    plant(webinar, title=title, summary=summary, excerpt=summary)

    syndication_of(client, topic, webinar)


@given(text=st.text(st.characters(), max_size=60))
def test_the_calendar_and_feed_writers_drop_what_xml_and_utf8_cannot_carry(text):
    from django.utils.feedgenerator import Rss201rev2Feed

    from partnerships.text import one_line, xml_text

    feed = Rss201rev2Feed(title=xml_text(text) or "x", link="https://example.org/", description="")
    feed.add_item(title=xml_text(text), link="https://example.org/a", description=xml_text(text))
    assert not feedparser.parse(feed.writeString("utf-8")).bozo
    event = icalendar.Event()
    event.add("summary", one_line(text))
    event.add("dtstart", datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    assert icalendar.Event.from_ical(event.to_ical().decode("utf-8"))
