"""Hostile requests across every public surface get a clear 2xx/3xx/4xx, never a 500.

The API's own malformed-parameter table is in test_api_bad_input.py; these
add the HTML pages, Wagtail's endpoints, methods and encodings.
"""

import pytest
from django.test import Client

from tests.support.factories import ArticleFactory, WebinarFactory

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
    # API v3's items and pages
    ("GET", "/api/v3/items/?search=" + LONG),
    ("GET", "/api/v3/items/?tag=" + LONG),
    ("GET", "/api/v3/items/?cursor=" + LONG),
    ("GET", "/api/v3/items/?child_of=%00"),
    ("GET", "/api/v3/items/?child_of=99999999999999999999"),
    ("GET", "/api/v3/items/?limit=1e20"),
    ("GET", "/api/v3/items/?offset=9223372036854775808"),
    ("GET", "/api/v3/items/?site=%00"),
    ("GET", "/api/v3/items/?kind=news&kind=webinar"),
    ("GET", "/api/v3/items/?published_before=%00"),
    ("GET", "/api/v3/items/?%ff%fe=%ff"),
    ("GET", "/api/v3/items/?search=NEAR(%22a%22*"),
    ("HEAD", "/api/v3/items/"),
    ("POST", "/api/v3/items/"),
    ("GET", "/api/v3/pages/99999999999999999999/"),
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

    response = client.generic(method, url, HTTP_ACCEPT="application/json, text/html")

    assert response.status_code < 500, (method, url[:80], response.status_code)
    # The API answers in JSON; an address that is no endpoint falls to the site's 404.
    is_json = response.get("Content-Type", "").startswith("application/json")
    if url.startswith("/api/") and response.status_code >= 400 and method != "HEAD" and is_json:
        assert response.json()["message"]


def test_there_are_at_least_forty_hostile_requests():
    assert len(HOSTILE_REQUESTS) >= 40


FORGED_HEADERS = {
    "HTTP_HOST": "127.0.0.1:31337",  # allowed: ALLOWED_HOSTS ignores the port
    "HTTP_X_FORWARDED_HOST": "evil.example",
    "HTTP_X_FORWARDED_PROTO": "https",
    "HTTP_X_FORWARDED_PORT": "31337",
}
LINK_BEARERS = [
    "/feed.rss",
    "/feed.atom",
    "/feed.json",
    "/partnerships-collaboration/feed.atom",
    "/partnerships-collaboration/feed.rss?kind=news",
    "/webinars.ics",
    "/api/v2/items/?limit=1",
    "/api/v2/pages/",
    "/api/v2/schema.json",
    "/partnerships-collaboration/",
    "/robots.txt",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", LINK_BEARERS)
def test_a_forged_host_never_reaches_any_readers_links(client, site_with_items, url):
    accept = {"HTTP_ACCEPT": "application/json"} if url.startswith("/api/") else {}
    for _ in range(3):
        forged = client.get(url, **FORGED_HEADERS, **accept)
    reader = client.get(url, **accept)

    for response in (forged, reader):
        assert response.status_code == 200
        body = response.content.decode()
        assert "31337" not in body and "evil.example" not in body
        assert "http://testserver/" in body  # every link comes from the Site record


OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
CACHED_URLS = [
    "/api/v2/items/?limit=3",
    "/api/v2/pages/",
    "/feed.rss",
    "/partnerships-collaboration/feed.json",
    "/webinars.ics",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", CACHED_URLS)
def test_after_a_cached_get_every_other_method_gets_the_endpoints_own_answer(site_with_items, url):
    client = Client(raise_request_exception=False)
    accept = {"HTTP_ACCEPT": "application/json"}
    before = {method: client.generic(method, url, **accept) for method in OTHER_METHODS}
    assert client.get(url, **accept).status_code == 200
    assert client.get(url, **accept).status_code == 200  # now answered from the cache

    for method in OTHER_METHODS:
        after = client.generic(method, url, **accept)
        assert (after.status_code, after.content) == (
            before[method].status_code,
            before[method].content,
        ), method
        assert after.status_code != 200 or method == "OPTIONS", method
        assert "ETag" not in after, method


def test_unknown_parameters_never_make_cache_entries_of_their_own(client, site_with_items):
    feed_etags = {client.get("/feed.rss", {f"u{n}": n})["ETag"] for n in range(1000)}
    cache_busted = {client.get("/api/v2/items/", {"_": n})["ETag"] for n in range(50)}
    refused = {client.get("/api/v2/items/", {f"u{n}": n}).status_code for n in range(50)}

    assert feed_etags == {client.get("/feed.rss")["ETag"]}
    assert cache_busted == {client.get("/api/v2/items/")["ETag"]}
    assert refused == {400}


def test_equal_answers_get_equal_etags_whatever_the_accept_header(client, site_with_items):
    accepts = ["application/json", "*/*", "application/json; q=1.0", "application/*"]
    responses = [client.get("/api/v2/items/", HTTP_ACCEPT=accept) for accept in accepts]

    assert len({response.content for response in responses}) == 1
    assert len({response["ETag"] for response in responses}) == 1
    browsable = client.get("/api/v2/items/", HTTP_ACCEPT="text/html")
    assert browsable["ETag"] != responses[0]["ETag"]


def test_a_response_too_large_to_keep_is_answered_afresh(client, site_with_items, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PARTNERSHIPS = {"RESPONSE_CACHE_MAX_BYTES": 100}
    client.get("/feed.rss")
    with CaptureQueriesContext(connection) as repeat:
        assert client.get("/feed.rss").status_code == 200
    assert len(repeat) > 1  # not from the cache: the feed was built again
