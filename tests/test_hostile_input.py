"""Hostile requests across every public surface get a clear 2xx/3xx/4xx, never a 500.

The API's own malformed-parameter table is in test_api_bad_input.py; these
add the HTML pages, Wagtail's endpoints, methods and encodings.
"""

import time

import pytest
from django.test import Client

from .factories import ArticleFactory, WebinarFactory

pytestmark = pytest.mark.django_db
LONG = "a" * 10_000

HOSTILE_REQUESTS = [
    # HTML topic page
    ("GET", "/partnerships-collaboration/?page=1e20"),
    ("GET", "/partnerships-collaboration/?page=-1"),
    ("GET", "/partnerships-collaboration/?page=9223372036854775808"),
    ("GET", "/partnerships-collaboration/?page=%00"),
    ("GET", "/partnerships-collaboration/?tag=%00"),
    ("GET", "/partnerships-collaboration/?tag=" + LONG),
    ("GET", "/partnerships-collaboration/?kind=%00"),
    ("GET", "/partnerships-collaboration/?kind=news&kind=webinar"),
    ("GET", "/partnerships-collaboration/?page=2&page=3"),
    ("GET", "/partnerships-collaboration/?%ff%fe=%ff"),
    ("GET", "/partnerships-collaboration/%00/"),
    ("GET", "/partnerships-collaboration/" + "x" * 5000 + "/"),
    ("GET", "/partnerships-collaboration/../../etc/passwd"),
    ("HEAD", "/partnerships-collaboration/"),
    ("OPTIONS", "/partnerships-collaboration/"),
    ("POST", "/partnerships-collaboration/"),
    ("GET", "/?q=%3Cscript%3E"),
    # Wagtail's pages endpoint
    ("GET", "/api/v2/pages/?site=%00"),
    ("GET", "/api/v2/pages/?site=" + LONG),
    ("GET", "/api/v2/pages/?child_of=%00"),
    ("GET", "/api/v2/pages/?type=%00"),
    ("GET", "/api/v2/pages/?type=nonsense.Model"),
    ("GET", "/api/v2/pages/?order=%00"),
    ("GET", "/api/v2/pages/?limit=1e20"),
    ("GET", "/api/v2/pages/?search=" + LONG),
    ("GET", "/api/v2/pages/find/?html_path=" + LONG),
    ("GET", "/api/v2/pages/find/?html_path=/%ff%fe/"),
    ("GET", "/api/v2/pages/99999999999999999999/"),
    ("POST", "/api/v2/pages/"),
    ("DELETE", "/api/v2/items/"),
    # items
    ("GET", "/api/v2/items/?search=" + LONG),
    ("GET", "/api/v2/items/?tag=" + LONG),
    ("GET", "/api/v2/items/?cursor=" + LONG),
    ("GET", "/api/v2/items/?fields=" + "(" * 500),
    ("GET", "/api/v2/items/?fields=" + ",".join(["title"] * 2000)),
    ("GET", "/api/v2/items/?child_of=1&child_of=2"),
    ("GET", "/api/v2/items/?published_after=%00"),
    ("HEAD", "/api/v2/items/"),
    ("OPTIONS", "/api/v2/items/"),
    # images and documents
    ("GET", "/api/v2/images/?search=%00"),
    ("GET", "/api/v2/images/?offset=9223372036854775808"),
    ("GET", "/api/v2/images/?width=abc"),
    ("GET", "/api/v2/images/abc/"),
    ("GET", "/api/v2/documents/?limit=-1"),
    ("GET", "/api/v2/documents/find/?id=%00"),
    ("GET", "/api/v2/schema.json?%00"),
    # feeds, calendars and search
    ("GET", "/feed.rss?kind=%00"),
    ("GET", "/feed.atom?kind=podcast"),
    ("GET", "/feed.json?kind=" + LONG),
    ("GET", "/partnerships-collaboration/feed.rss?kind=news&kind=webinar"),
    ("GET", "/partnerships-collaboration/feed.json?%ff=%fe"),
    ("GET", "/partnerships-collaboration/webinars.ics?kind=%00"),
    ("GET", "/webinars.ics?" + LONG),
    ("HEAD", "/feed.atom"),
    ("GET", "/search/?q=%00"),
    ("GET", "/search/?q=" + LONG),
    ("GET", "/search/?q=NEAR(%22a%22*"),
    ("GET", "/search/?q=library&page=1e20"),
    ("GET", "/search/?q=library&kind=%00&topic=abc"),
    ("GET", "/sitemap.xml?page=%00"),
    ("GET", "/sitemap.xml?p=9223372036854775808"),
]


@pytest.fixture
def site_with_items(topic):
    ArticleFactory(parent=topic, title="News")
    WebinarFactory(parent=topic, title="Webinar")
    return topic


@pytest.mark.parametrize(("method", "url"), HOSTILE_REQUESTS, ids=lambda v: v[:60])
def test_hostile_requests_never_get_a_server_error(site_with_items, method, url):
    client = Client(raise_request_exception=False)
    started = time.monotonic()

    response = client.generic(method, url, HTTP_ACCEPT="application/json, text/html")

    assert response.status_code < 500, (method, url[:80], response.status_code)
    assert time.monotonic() - started < 1.0, "answered in under a second"
    if url.startswith("/api/") and response.status_code >= 400 and method != "HEAD":
        assert response.json()["message"]


def test_there_are_at_least_forty_hostile_requests():
    from .test_api_bad_input import BAD_REQUESTS

    assert len(HOSTILE_REQUESTS) + len(BAD_REQUESTS) >= 40
    assert len(HOSTILE_REQUESTS) >= 40
