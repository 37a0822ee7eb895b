"""What an anonymous reader gets: the page's HTML, its JSON-LD, and the API.

A new client per read, never signed in. `fresh=True` empties the response cache
first, so what is read comes from the database, not from an earlier answer;
without it a stale cache entry shows up as a failure.
"""

import json
from dataclasses import dataclass

from django.core.cache import cache
from django.test import Client

from .api import get_json
from .html import listed_cards, soup, text


@dataclass
class ReaderView:
    html: str  # the page's visible text
    links: list  # (text, href) of the page's links
    images: list  # (alt, src) of the page's images
    json_ld: dict | None
    api: dict  # /api/v2/pages/<id>/ with every field


def what_readers_see(page, fresh=False):
    if fresh:
        cache.clear()
    reader = Client()
    response = reader.get(page.get_url())
    assert response.status_code == 200, response.status_code
    document = soup(response)
    script = document.find("script", type="application/ld+json")
    main = document.select_one("article") or document
    return ReaderView(
        html=text(main),
        links=[(text(a), a.get("href")) for a in main.find_all("a")],
        images=[(img.get("alt"), img.get("src")) for img in main.find_all("img")],
        json_ld=json.loads(script.string) if script else None,
        api=get_json(reader, f"/api/v2/pages/{page.pk}/", {"fields": "*"}),
    )


def items_api(params, fresh=False):
    """/api/v2/items/, as another program reads it."""
    if fresh:
        cache.clear()
    return get_json(Client(), "/api/v2/items/", params)["items"]


def api_detail(endpoint, pk, fresh=False):
    """/api/v2/<endpoint>/<pk>/, e.g. a document's title and download link."""
    if fresh:
        cache.clear()
    return get_json(Client(), f"/api/v2/{endpoint}/{pk}/")


def listed_titles(topic, **params):
    """Titles in the topic page's “Most Recently Added”, e.g. for `tag=`."""
    response = Client().get(topic.get_url(), params)
    assert response.status_code == 200
    return [title for title, _, _ in listed_cards(response)]


def search_titles(query):
    response = Client().get("/search/", {"q": query})
    assert response.status_code == 200
    return [text(title) for title in soup(response).select(".search-results .card-title")]
