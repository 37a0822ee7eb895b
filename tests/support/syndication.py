"""Reading feeds and calendars the way feed readers and calendar apps do."""

import html
import json
from urllib.parse import urlsplit

import feedparser
import icalendar

TOPIC_FEEDS = {
    "rss": "/partnerships-collaboration/feed.rss",
    "atom": "/partnerships-collaboration/feed.atom",
    "json": "/partnerships-collaboration/feed.json",
}
SITE_FEEDS = {"rss": "/feed.rss", "atom": "/feed.atom", "json": "/feed.json"}
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def parse_xml_feed(response):
    """feedparser's reading of an RSS or Atom response; fails on anything malformed."""
    assert response.status_code == 200, response.content[:300]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def parse_json_feed(response):
    """A JSON Feed 1.1, checked for the keys the specification requires."""
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == JSON_FEED_VERSION
    assert feed["title"]
    assert isinstance(feed["items"], list)
    for item in feed["items"]:
        assert item["id"] and isinstance(item["id"], str)
        assert "content_text" in item or "content_html" in item
    return feed


def feed_entries(client, url):
    """(title, link, excerpt, tags) of each item, whatever the format."""
    response = client.get(url)
    if urlsplit(url).path.endswith(".json"):
        return [
            (item["title"], item["url"], item["content_text"], item.get("tags", []))
            for item in parse_json_feed(response)["items"]
        ]
    return [
        (
            entry.title,
            entry.link,
            # Summaries are HTML to feed readers; what they show is the unescaped text.
            html.unescape(entry.get("summary", "")),
            [tag.term for tag in entry.get("tags", [])],
        )
        for entry in parse_xml_feed(response).entries
    ]


def feed_titles(client, url):
    return [title for title, *_ in feed_entries(client, url)]


def parse_calendar(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return calendar


def calendar_events(client, url):
    return parse_calendar(client.get(url)).walk("VEVENT")


def event_titles(client, url):
    return [str(event["SUMMARY"]) for event in calendar_events(client, url)]
