import datetime
import json

import pytest
from django.utils import timezone
from wagtail_factories import ImageFactory

from partnerships.models import ArticlePage, Person, WebinarPage, WebinarPagePresenter

from .factories import ArticleFactory, WebinarFactory
from .html import soup
from .seed import read_seed
from .surfaces import sitemap_entries

pytestmark = pytest.mark.django_db

ONLINE = "https://schema.org/OnlineEventAttendanceMode"


def json_ld(response):
    """The page's one JSON-LD block, parsed."""
    (script,) = soup(response).select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org"
    return data


def meta(response, name):
    tag = soup(response).select_one(f'meta[property="{name}"], meta[name="{name}"]')
    return tag["content"] if tag else None


def test_article_json_ld_is_a_news_article(client, demo):
    article = ArticlePage.objects.get(slug="public-health-is-part-of-library-outreach")

    data = json_ld(client.get(article.url))

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Public Health is Part of Library Outreach"
    assert data["datePublished"] == "2021-11-03"
    assert datetime.datetime.fromisoformat(data["dateModified"])
    assert data["url"] == data["mainEntityOfPage"] == f"http://testserver{article.url}"
    assert data["description"] == article.excerpt
    assert data["publisher"] == {"@type": "Organization", "name": "Library partnerships"}
    assert data["author"] == []


def test_article_json_ld_names_its_authors(client, topic):
    article = ArticleFactory(parent=topic, live=False)
    article.authors.create(person=Person.objects.create(name="Ada Okonkwo"))
    article.save_revision().publish()

    assert json_ld(client.get(article.url))["author"] == [
        {"@type": "Person", "name": "Ada Okonkwo"}
    ]


def test_webinar_json_ld_is_an_online_event(client, topic):
    starts_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    webinar = WebinarFactory(
        parent=topic,
        title="Gardens",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        registration_url="https://example.org/register",
        live=False,
    )
    webinar.presenters.add(WebinarPagePresenter(person=Person.objects.create(name="Jo Marsh")))
    webinar.save_revision().publish()

    data = json_ld(client.get(webinar.url))

    assert data["@type"] == "Event"
    assert data["name"] == "Gardens"
    assert datetime.datetime.fromisoformat(data["startDate"]) == starts_at
    assert datetime.datetime.fromisoformat(data["endDate"]) == webinar.ends_at
    assert data["eventAttendanceMode"] == ONLINE
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/register"}
    assert data["performer"] == [{"@type": "Person", "name": "Jo Marsh"}]
    assert data["organizer"]["@type"] == "Organization"


def test_topic_json_ld_is_a_collection_page_listing_the_seed_items(client, demo):
    data = json_ld(client.get(demo.url))

    assert data["@type"] == "CollectionPage"
    assert data["name"] == "Partnerships & collaboration"
    item_list = data["mainEntity"]
    assert item_list["@type"] == "ItemList"
    assert [e["name"] for e in item_list["itemListElement"]] == [
        item.title for item in read_seed().items
    ]
    assert [e["position"] for e in item_list["itemListElement"]] == list(range(1, 11))
    assert all(e["@type"] == "ListItem" for e in item_list["itemListElement"])
    assert all(e["url"].startswith("http://testserver/") for e in item_list["itemListElement"])


def test_a_script_in_a_title_cannot_break_out_of_the_json_ld(client, topic):
    payload = '</script><script>alert("x")</script> & <!--'
    article = ArticleFactory(parent=topic, title=payload, summary=payload)

    response = client.get(article.url)

    assert "<script>alert" not in response.text
    assert json_ld(response)["headline"] == payload
    assert json_ld(response)["description"] == payload
    assert meta(response, "og:title") == payload


def test_item_link_previews_use_the_excerpt_and_an_absolute_image(client, topic):
    article = ArticleFactory(
        parent=topic,
        title="Pictured",
        summary="A short summary.",
        listing_image=ImageFactory(file__width=1600, file__height=1000),
    )

    response = client.get(article.url)

    assert meta(response, "og:type") == "article"
    assert meta(response, "og:title") == meta(response, "twitter:title") == "Pictured"
    assert meta(response, "og:description") == "A short summary."
    assert meta(response, "description") == "A short summary."
    assert meta(response, "og:url") == f"http://testserver{article.url}"
    image = meta(response, "og:image")
    assert image.startswith("http://testserver/media/images/") and ".fill-1200x630" in image
    assert (meta(response, "og:image:width"), meta(response, "og:image:height")) == (
        "1200",
        "630",
    )
    assert meta(response, "twitter:card") == "summary_large_image"
    assert meta(response, "twitter:image") == image
    assert json_ld(response)["image"] == [image]


def test_pages_name_their_canonical_url(client, demo):
    webinar = WebinarPage.objects.get(slug="smart-spaces-are-community-places")
    for page in (demo, webinar):
        response = client.get(page.url, {"utm_source": "newsletter"})
        canonical = soup(response).select_one('link[rel="canonical"]')["href"]
        assert canonical == f"http://testserver{page.url}"


def test_topic_previews_use_the_teaser_and_hero_photo(client, demo):
    response = client.get(demo.url)

    assert meta(response, "og:type") == "website"
    assert meta(response, "og:description") == demo.teaser
    assert meta(response, "og:image").startswith("http://testserver/media/images/")


def test_an_editors_search_description_wins_and_is_written_once(client, topic):
    article = ArticleFactory(parent=topic, summary="Summary.", search_description="For Google.")

    response = client.get(article.url)

    assert len(soup(response).select('meta[name="description"]')) == 1
    assert meta(response, "description") == meta(response, "og:description") == "For Google."


def test_sitemap_lists_every_live_public_page_with_its_last_change(client, demo):
    entries = sitemap_entries(client)

    assert "http://testserver/" in entries
    assert "http://testserver/partnerships-collaboration/" in entries
    article = ArticlePage.objects.get(slug="public-health-is-part-of-library-outreach")
    assert entries[f"http://testserver{article.url}"] == "2021-11-03"
    assert len(entries) == 1 + 2 + len(read_seed().items)


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_the_admin(client, home):
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1:31337")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
