import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from partnerships.caching.page_types import specific_page_model
from partnerships.models import ContentVersion, TopicIndexPage
from tests.support.api import get_json
from tests.support.factories import ArticleFactory, WebinarFactory
from tests.support.html import listed_cards
from tests.support.restrictions import restrict
from tests.support.seed import read_seed

pytestmark = pytest.mark.django_db


def test_topic_detail_has_intro_photo_credit_related_topics_and_recent_items(client, demo):
    data = get_json(client, f"/api/v2/pages/{demo.pk}/")
    seed = read_seed()

    assert data["meta"]["type"] == "partnerships.TopicIndexPage"
    assert data["intro"].startswith("<p>When the library builds partnerships")
    assert data["credit"] == {
        "creator": "jenlen",
        "licence": "CC BY-NC-ND 2.0",
        "licence_url": "https://creativecommons.org/licenses/by-nc-nd/2.0/",
        "display": seed.credit,
    }
    hero = data["hero_image"]
    assert hero["alt"] and [r["width"] for r in hero["renditions"]] == [640, 1024, 1600]
    assert hero["srcset"].count("w, ") == 2 and hero["renditions"][0]["url"].startswith("http")
    (related,) = data["related_topics"]
    assert related["title"] == seed.related_title and related["teaser"] == seed.related_teaser
    assert related["html_url"] == "http://testserver/community-engagement/"


def test_recent_items_are_exactly_what_the_topic_page_lists(client, demo):
    data = get_json(client, f"/api/v2/pages/{demo.pk}/")
    cards = listed_cards(client.get(demo.url))

    assert [
        (
            item["title"],
            f"Publish Date: {item['kind_label']} / {_day_month_year(item)}",
            item["excerpt"],
        )
        for item in data["recent_items"]
    ] == cards
    first = data["recent_items"][0]
    assert set(first) == {"id", "meta", "title", "kind", "kind_label", "publish_date", "excerpt"}
    assert first["meta"]["type"] == "partnerships.ArticlePage"
    assert first["meta"]["detail_url"] == f"http://testserver/api/v2/pages/{first['id']}/"
    assert first["meta"]["html_url"].startswith("http://testserver/partnerships-collaboration/")


def _day_month_year(item):
    date = datetime.date.fromisoformat(item["publish_date"])
    return f"{date.day} {date:%B %Y}"


def test_recent_items_never_include_drafts_or_restricted_pages(client, topic):
    ArticleFactory(parent=topic, title="Public")
    ArticleFactory(parent=topic, title="Draft", live=False)
    private = ArticleFactory(parent=topic, title="Private")
    restrict(private)

    data = get_json(client, f"/api/v2/pages/{topic.pk}/", {"fields": "recent_items"})

    assert [item["title"] for item in data["recent_items"]] == ["Public"]


def test_pages_endpoint_hides_expired_drafts_and_restricted_pages(client, topic):
    ArticleFactory(parent=topic, title="Public")
    ArticleFactory(parent=topic, title="Draft", live=False)
    ArticleFactory(parent=topic, title="Expired", expire_at=timezone.now() - datetime.timedelta(1))
    private = ArticleFactory(parent=topic, title="Private")
    restrict(private)

    data = get_json(client, "/api/v2/pages/", {"child_of": topic.pk})
    assert [item["title"] for item in data["items"]] == ["Public"]
    get_json(client, f"/api/v2/pages/{private.pk}/", status=404)


def test_webinar_detail_has_times_with_offsets_and_links(client, topic):
    from tests.support.factories import WebinarFactory

    webinar = WebinarFactory(parent=topic, registration_url="https://example.org/r")
    data = get_json(client, f"/api/v2/pages/{webinar.pk}/")

    for field in ("starts_at", "ends_at"):
        assert datetime.datetime.fromisoformat(data[field]).utcoffset() is not None
    assert data["is_upcoming"] is True
    assert data["registration_url"] == "https://example.org/r"
    assert data["presenters"] == [] and data["body"] == []


def test_listings_and_details_carry_validators_and_public_cache_headers(client, topic):
    ArticleFactory(parent=topic)
    for url in ("/api/v2/items/", f"/api/v2/pages/{topic.pk}/", "/api/v2/pages/"):
        response = client.get(url, HTTP_ACCEPT="application/json")
        assert response["ETag"].startswith('"') and response["Last-Modified"]
        assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]


def test_revalidation_answers_304_with_one_query(client, topic, django_assert_num_queries):
    ArticleFactory(parent=topic)
    first = client.get("/api/v2/items/", HTTP_ACCEPT="application/json")

    with django_assert_num_queries(1):
        by_etag = client.get(
            "/api/v2/items/", HTTP_ACCEPT="application/json", HTTP_IF_NONE_MATCH=first["ETag"]
        )
    by_date = client.get(
        "/api/v2/items/",
        HTTP_ACCEPT="application/json",
        HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
    )
    assert by_etag.status_code == 304 and by_date.status_code == 304
    assert by_etag.content == b""


def test_publishing_changes_the_validators(client, topic, django_capture_on_commit_callbacks):
    page = ArticleFactory(parent=topic)
    before = client.get("/api/v2/items/", HTTP_ACCEPT="application/json")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    after = client.get(
        "/api/v2/items/", HTTP_ACCEPT="application/json", HTTP_IF_NONE_MATCH=before["ETag"]
    )
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert ContentVersion.current().version > datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def test_a_signed_in_readers_responses_are_private(client, topic):
    ArticleFactory(parent=topic)
    client.force_login(User.objects.create_user("reader", password="x"))

    response = client.get("/api/v2/pages/", HTTP_ACCEPT="application/json")
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_head_and_options_work_on_every_endpoint(client, topic):
    for url in ("/api/v2/items/", "/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"):
        assert client.head(url).status_code == 200
        assert client.options(url).status_code == 200


def test_a_repeated_anonymous_request_is_served_from_the_cache_in_one_query(
    client, topic, django_assert_num_queries
):
    ArticleFactory(parent=topic, title="Cached")
    first = client.get("/api/v2/items/", HTTP_ACCEPT="application/json")

    with django_assert_num_queries(1):
        again = client.get("/api/v2/items/", HTTP_ACCEPT="application/json")
    assert again.content == first.content and again["ETag"] == first["ETag"]


def test_publishing_makes_the_cache_serve_the_new_content(
    client, topic, django_capture_on_commit_callbacks
):
    page = ArticleFactory(parent=topic, title="Before")
    client.get("/api/v2/items/", HTTP_ACCEPT="application/json")
    page.title = "After"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    data = client.get("/api/v2/items/", HTTP_ACCEPT="application/json").json()
    assert [item["title"] for item in data["items"]] == ["After"]


def test_signed_in_readers_never_get_or_fill_the_shared_cache(client, topic):
    ArticleFactory(parent=topic)
    client.force_login(User.objects.create_user("reader", password="x"))
    signed_in = client.get("/api/v2/items/", HTTP_ACCEPT="application/json")
    client.logout()

    anonymous = client.get("/api/v2/items/", HTTP_ACCEPT="application/json")
    assert "private" in signed_in["Cache-Control"] and "public" in anonymous["Cache-Control"]
    assert signed_in["ETag"] != anonymous["ETag"]


def test_a_page_type_is_remembered_but_a_missing_page_is_not(topic, django_assert_num_queries):
    # A missing id may be given to a page later, so it is looked up every time.
    missing = topic.pk + 10_000
    for _ in range(2):
        with django_assert_num_queries(1):
            assert specific_page_model(missing) is None

    with django_assert_num_queries(1):
        assert specific_page_model(topic.pk) is TopicIndexPage
    with django_assert_num_queries(0):
        assert specific_page_model(topic.pk) is TopicIndexPage


def test_page_detail_of_each_type_is_its_own_type_after_the_first_request(client, topic):
    webinar = WebinarFactory(parent=topic)
    for page in (topic, webinar):
        url = f"/api/v2/pages/{page.pk}/"
        first = get_json(client, url)
        ContentVersion.objects.update_or_create(pk=1, defaults={"changed_at": timezone.now()})
        again = get_json(client, url)
        assert first == again
        assert again["meta"]["type"] == page._meta.label


@pytest.mark.parametrize(
    "url",
    ["/api/v2/items/", "/api/v2/schema.json", "/feed.rss", "/feed.json", "/webinars.ics"],
)
def test_public_api_feeds_and_calendars_are_gzipped_when_the_client_accepts_it(client, topic, url):
    import gzip

    for n in range(3):
        ArticleFactory(parent=topic, title=f"News {n}", summary="Words " * 40)
        WebinarFactory(parent=topic, title=f"Webinar {n}", summary="Words " * 40)
    plain = client.get(url, HTTP_ACCEPT="application/json")
    squeezed = client.get(url, HTTP_ACCEPT="application/json", HTTP_ACCEPT_ENCODING="gzip")

    assert squeezed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in squeezed["Vary"]
    assert gzip.decompress(squeezed.content) == plain.content
    assert len(squeezed.content) < len(plain.content)


def test_pages_and_signed_in_readers_answers_are_never_compressed(client, topic):
    """Pages carry CSRF tokens and private answers restricted content: no secret for BREACH."""
    ArticleFactory(parent=topic, summary="Words " * 40)
    page = client.get(topic.url, HTTP_ACCEPT_ENCODING="gzip")
    client.force_login(User.objects.create_user("reader", password="x"))
    private = client.get("/api/v2/items/", HTTP_ACCEPT_ENCODING="gzip")

    assert not page.has_header("Content-Encoding")
    assert not private.has_header("Content-Encoding")
