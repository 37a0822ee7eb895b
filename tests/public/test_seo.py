import datetime
import json

import pytest
from django.utils import timezone
from wagtail_factories import ImageFactory

from partnerships.models import ArticlePage, Person, WebinarPage, WebinarPagePresenter
from tests.support.factories import ArticleFactory, WebinarFactory
from tests.support.html import soup
from tests.support.seed import read_seed
from tests.support.surfaces import sitemap_entries

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
    # First published at 15:00 UTC on its publish date: 11 a.m. in New York.
    assert data["datePublished"] == "2021-11-03T11:00:00-04:00"
    assert data["dateModified"] == "2021-11-03T11:00:00-04:00"
    assert data["url"] == data["mainEntityOfPage"] == f"http://testserver{article.url}"
    assert data["description"] == article.excerpt
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Library partnerships"
    assert "author" not in data  # nobody is credited: no empty list
    assert data["image"] == [meta(client.get(demo.url), "og:image")]  # the topic's photo


def test_article_json_ld_names_its_authors_with_their_pages(client, topic):
    article = ArticleFactory(parent=topic, live=False)
    article.authors.create(person=Person.objects.create(name="Ada Okonkwo"))
    article.authors.create(
        person=Person.objects.create(
            name="Jo Marsh",
            role="Outreach librarian",
            organisation="Pottsboro Library",
            profile_url="https://example.org/staff/jo-marsh",
        )
    )
    article.save_revision().publish()
    response = client.get(article.url)

    assert json_ld(response)["author"] == [
        {"@type": "Person", "name": "Ada Okonkwo"},
        {
            "@type": "Person",
            "name": "Jo Marsh",
            "url": "https://example.org/staff/jo-marsh",
            "jobTitle": "Outreach librarian",
            "affiliation": {"@type": "Organization", "name": "Pottsboro Library"},
        },
    ]
    link = soup(response).select_one(".people a")
    assert (link.text, link["href"]) == ("Jo Marsh", "https://example.org/staff/jo-marsh")


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
    assert data["organizer"] == {  # the demo's PARTNERSHIPS["ORGANIZATION"]
        "@type": "Organization",
        "name": "Library partnerships",
        "url": "http://testserver/",
        "logo": {"@type": "ImageObject", "url": "http://testserver/static/apple-touch-icon.png"},
        "email": "partnerships@example.org",
        "telephone": "+1 845-555-0142",
    }


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
    assert "http://testserver/accessibility/" in entries
    assert len(entries) == 1 + 2 + len(read_seed().items) + 1


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_the_admin(client, home):
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1:31337")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_json_ld_dates_carry_a_time_even_for_back_dated_items(client, topic):
    article = ArticleFactory(parent=topic, publish_date=datetime.date(2020, 2, 3), live=False)
    article.save_revision().publish()

    data = json_ld(client.get(article.url))

    # Published today but dated 2020: the start of that day in the site's time zone.
    assert data["datePublished"] == "2020-02-03T00:00:00-05:00"
    modified = datetime.datetime.fromisoformat(data["dateModified"])
    assert modified.tzinfo is not None and modified > datetime.datetime.fromisoformat(
        data["datePublished"]
    )


def test_a_webinar_without_presenters_or_links_has_no_empty_values(client, topic):
    webinar = WebinarFactory(parent=topic, registration_url="", recording_url="")

    data = json_ld(client.get(webinar.url))

    assert "performer" not in data
    assert "location" not in data  # not this page: it is not where the webinar happens
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == ONLINE

    def empties(value):
        if isinstance(value, dict):
            return [k for k, v in value.items() if v in ("", [], {}, None)] + [
                e for v in value.values() for e in empties(v)
            ]
        if isinstance(value, list):
            return [e for v in value for e in empties(v)]
        return []

    assert empties(data) == []


def test_a_past_webinar_is_attended_through_its_recording(client, topic):
    past = timezone.now() - datetime.timedelta(days=30)
    webinar = WebinarFactory(
        parent=topic,
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=1),
        registration_url="https://example.org/register",
        recording_url="https://example.org/recording",
    )

    assert json_ld(client.get(webinar.url))["location"] == {
        "@type": "VirtualLocation",
        "url": "https://example.org/recording",
    }


def test_the_organisation_comes_from_the_partnerships_setting(client, topic, settings):
    settings.PARTNERSHIPS = {
        "ORGANIZATION": {
            "name": "Hudson Valley Library Partnerships",
            "url": "https://libraries.example.org/",
            "logo": "https://libraries.example.org/logo.png",
            "email": "hello@libraries.example.org",
        }
    }
    webinar = WebinarFactory(parent=topic)
    article = ArticleFactory(parent=topic)

    organizer = json_ld(client.get(webinar.url))["organizer"]
    assert organizer == {
        "@type": "Organization",
        "name": "Hudson Valley Library Partnerships",
        "url": "https://libraries.example.org/",
        "logo": {"@type": "ImageObject", "url": "https://libraries.example.org/logo.png"},
        "email": "hello@libraries.example.org",
    }
    assert json_ld(client.get(article.url))["publisher"] == organizer


def test_a_misspelt_organisation_key_is_an_error(client, topic, settings):
    from partnerships.conf import partnerships_setting

    settings.PARTNERSHIPS = {"ORGANIZATION": {"nmae": "Typo"}}
    with pytest.raises(KeyError, match="nmae"):
        partnerships_setting("ORGANIZATION")


def test_a_small_photo_is_shared_at_the_full_1200_by_630(client, topic):
    article = ArticleFactory(
        parent=topic, listing_image=ImageFactory(file__width=600, file__height=500)
    )

    response = client.get(article.url)

    assert (meta(response, "og:image:width"), meta(response, "og:image:height")) == (
        "1200",
        "630",
    )
    image = meta(response, "og:image")
    path = image.removeprefix("http://testserver/media/")
    from django.core.files.storage import default_storage
    from PIL import Image

    with default_storage.open(path) as file, Image.open(file) as shared:
        assert shared.size == (1200, 630)


def test_without_any_photo_the_site_default_picture_is_shared(client, home, settings):
    from tests.support.factories import TopicFactory

    settings.PARTNERSHIPS = {"DEFAULT_SHARE_IMAGE": "img/share.png"}
    bare = TopicFactory(parent=home, slug="bare", hero_image=None)
    article = ArticleFactory(parent=bare)

    for page in (bare, article):
        response = client.get(page.url)
        assert meta(response, "og:image") == "http://testserver/static/img/share.png"
        assert (meta(response, "og:image:width"), meta(response, "og:image:height")) == (
            "1200",
            "630",
        )
        assert json_ld(response)["image"] == ["http://testserver/static/img/share.png"]


def test_paged_and_filtered_topic_views_are_pages_of_their_own(client, topic):
    for n in range(12):
        article = ArticleFactory(parent=topic, title=f"Item {n}")
        article.tags.add("outreach")
        article.save_revision().publish()
    base = f"http://testserver{topic.url}"

    def head(**params):
        page = soup(client.get(topic.url, params))
        links = {
            rel: page.select_one(f'link[rel="{rel}"]') for rel in ("canonical", "prev", "next")
        }
        return page.title.text, {rel: link["href"] for rel, link in links.items() if link}

    assert head() == (
        "Partnerships & collaboration · Library partnerships",
        {"canonical": base, "next": f"{base}?page=2"},
    )
    assert head(page=2, utm_source="mail") == (
        "Partnerships & collaboration: Page 2 · Library partnerships",
        {"canonical": f"{base}?page=2", "prev": base},
    )
    assert head(kind="news") == (
        "Partnerships & collaboration: News · Library partnerships",
        {"canonical": f"{base}?kind=news", "next": f"{base}?kind=news&page=2"},
    )
    assert head(tag="outreach", page=2) == (
        "Partnerships & collaboration: Tagged “outreach”, page 2 · Library partnerships",
        {"canonical": f"{base}?tag=outreach&page=2", "prev": f"{base}?tag=outreach"},
    )
    response = client.get(topic.url, {"kind": "news"})
    assert meta(response, "og:url") == f"{base}?kind=news"
