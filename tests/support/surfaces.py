"""Every place a reader (a person or another program) can come across a page.

The privacy matrix and the multi-site tests read the same surfaces, so a
surface added here is checked for every hidden state and on every Site.
"""

import json
import xml.etree.ElementTree as ET

from .html import soup

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
JSON = {"HTTP_ACCEPT": "application/json"}


def sitemap_entries(client, **headers):
    response = client.get("/sitemap.xml", **headers)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext(f"{SITEMAP_NS}loc"): url.findtext(f"{SITEMAP_NS}lastmod")
        for url in root.iter(f"{SITEMAP_NS}url")
    }


def json_ld_text(response):
    """The text of the page's JSON-LD blocks ("" when it has none)."""
    scripts = soup(response).select('script[type="application/ld+json"]')
    return "\n".join(json.dumps(json.loads(script.string)) for script in scripts)


def reader_surfaces(topic, page=None, query="gardens"):
    """(name, path, extra request headers, how to read the body) of every reader surface.

    `topic` is a topic the reader can reach; `page` the page under test, whose
    own addresses (detail, find, calendar) are included when given.
    """
    topic_path = topic.url_path.removeprefix(topic.get_site().root_page.url_path)
    topic_url = "/" + topic_path
    surfaces = [
        ("topic page", topic_url, {}, "html"),
        ("topic page, webinars", f"{topic_url}?kind=webinar", {}, "html"),
        ("topic JSON-LD", topic_url, {}, "json-ld"),
        ("items", "/api/v2/items/", JSON, "text"),
        ("items of the topic", f"/api/v2/items/?child_of={topic.pk}", JSON, "text"),
        ("items search", f"/api/v2/items/?search={query}", JSON, "text"),
        ("upcoming webinars", "/api/v2/items/?upcoming=true", JSON, "text"),
        ("v3 items", "/api/v3/items/", JSON, "text"),
        ("v3 items of the topic", f"/api/v3/items/?child_of={topic.pk}", JSON, "text"),
        ("v3 items search", f"/api/v3/items/?search={query}", JSON, "text"),
        ("v3 upcoming webinars", "/api/v3/items/?upcoming=true", JSON, "text"),
        ("recent_items", f"/api/v2/pages/{topic.pk}/", JSON, "text"),
        ("pages", "/api/v2/pages/", JSON, "text"),
        ("pages of the topic", f"/api/v2/pages/?child_of={topic.pk}", JSON, "text"),
        ("pages search", f"/api/v2/pages/?search={query}", JSON, "text"),
        ("v3 pages", "/api/v3/pages/", JSON, "text"),
        ("v3 pages of the topic", f"/api/v3/pages/?child_of={topic.pk}", JSON, "text"),
        ("v3 pages search", f"/api/v3/pages/?search={query}", JSON, "text"),
        ("topic RSS", f"{topic_url}feed.rss", {}, "text"),
        ("topic Atom", f"{topic_url}feed.atom", {}, "text"),
        ("topic JSON Feed", f"{topic_url}feed.json", {}, "text"),
        ("topic calendar", f"{topic_url}webinars.ics", {}, "text"),
        ("site RSS", "/feed.rss", {}, "text"),
        ("site Atom", "/feed.atom", {}, "text"),
        ("site JSON Feed", "/feed.json", {}, "text"),
        ("site calendar", "/webinars.ics", {}, "text"),
        ("search page", f"/search/?q={query}", {}, "html"),
        ("sitemap", "/sitemap.xml", {}, "text"),
    ]
    if page is not None:
        page_path = page.url_path.removeprefix(page.get_site().root_page.url_path)
        surfaces += [
            ("page detail", f"/api/v2/pages/{page.pk}/", JSON, "text"),
            ("find", f"/api/v2/pages/find/?html_path=/{page_path}", JSON, "text"),
            ("v3 page detail", f"/api/v3/pages/{page.pk}/", JSON, "text"),
            ("v3 find", f"/api/v3/pages/find/?html_path=/{page_path}", JSON, "text"),
            ("page itself", f"/{page_path}", {}, "html"),
            ("its calendar file", f"/{page_path}calendar.ics", {}, "text"),
        ]
    return surfaces


def read_surface(client, path, headers, reading, **extra):
    """(status, the text a reader gets) of one surface; redirects are not followed."""
    response = client.get(path, **headers, **extra)
    if reading == "json-ld":
        return response.status_code, json_ld_text(response) if response.status_code == 200 else ""
    return response.status_code, response.content.decode(errors="replace")
