"""`/api/v3/items/`: v2's mixed listing in v3's idiom (filters, cursors, caching, errors)."""

import datetime

import pytest
from django.utils import timezone

from partnerships.models import ContentVersion
from tests.support.api_v3 import get_problem, get_v3, openapi, resolve
from tests.support.factories import ArticleFactory, PodcastFactory, TopicFactory, WebinarFactory

pytestmark = pytest.mark.django_db
ITEMS = "/api/v3/items/"


def titles(data):
    return [item["title"] for item in data["items"]]


@pytest.fixture
def dated_items(topic):
    """Six items, one per month of 2021, alternating kinds; item 5 is newest."""
    return [
        (WebinarFactory if n % 2 else ArticleFactory)(
            parent=topic, title=f"Item {n}", publish_date=datetime.date(2021, n + 1, 10)
        )
        for n in range(6)
    ]


def test_items_lists_every_kind_newest_first_with_v2s_listing_fields(client, dated_items):
    data = get_v3(client, ITEMS)

    assert titles(data) == [f"Item {n}" for n in reversed(range(6))]
    webinar, article = data["items"][0], data["items"][1]
    assert webinar["kind"] == "webinar" and isinstance(webinar["is_upcoming"], bool)
    assert {"starts_at", "ends_at"} <= set(webinar) and "starts_at" not in article
    assert article["kind"] == "news" and article["kind_label"] == "News"
    assert article["meta"]["type"] == "partnerships.ArticlePage"
    assert article["meta"]["detail_url"] == f"http://testserver/api/v3/pages/{article['id']}/"
    assert article["meta"]["html_url"].startswith("http://testserver/partnerships-collaboration/")


def test_child_of_and_descendant_of_list_under_a_page(client, home, topic, dated_items):
    other = TopicFactory(parent=home, slug="other")
    ArticleFactory(parent=other, title="Elsewhere")

    assert titles(get_v3(client, ITEMS, {"child_of": other.pk})) == ["Elsewhere"]
    assert len(get_v3(client, ITEMS, {"descendant_of": topic.pk})["items"]) == 6
    assert len(get_v3(client, ITEMS, {"descendant_of": home.pk})["items"]) == 7


def test_kind_tag_and_date_filters_narrow_as_in_v2(client, topic, dated_items):
    tagged = dated_items[0]
    tagged.tags.add("Public health", "outreach")
    tagged.save_revision().publish()

    assert {i["kind"] for i in get_v3(client, ITEMS, {"kind": "webinar"})["items"]} == {"webinar"}
    assert titles(get_v3(client, f"{ITEMS}?tag=outreach&tag=public-health")) == ["Item 0"]
    dated = get_v3(
        client, ITEMS, {"published_after": "2021-02-10", "published_before": "2021-04-10"}
    )
    assert titles(dated) == ["Item 3", "Item 2", "Item 1"]


def test_upcoming_splits_webinars_by_their_end(client, topic):
    now = timezone.now()
    WebinarFactory(parent=topic, title="Soon", starts_at=now + datetime.timedelta(days=1))
    WebinarFactory(
        parent=topic,
        title="Over",
        starts_at=now - datetime.timedelta(days=2),
        ends_at=now - datetime.timedelta(days=1),
    )

    assert titles(get_v3(client, ITEMS, {"upcoming": "true"})) == ["Soon"]
    assert titles(get_v3(client, ITEMS, {"upcoming": "false"})) == ["Over"]


def test_order_and_search(client, topic, dated_items):
    ArticleFactory(parent=topic, title="Telehealth at the library")

    assert titles(get_v3(client, ITEMS, {"order": "title", "limit": 2})) == ["Item 0", "Item 1"]
    found = get_v3(client, ITEMS, {"search": "telehealth"})
    assert titles(found) == ["Telehealth at the library"] and found["meta"]["total_count"] == 1


def test_cursor_pages_forwards_then_backwards_without_gaps_or_repeats(client, topic):
    for n in range(7):  # ties on publish_date exercise the id tie-breaker
        ArticleFactory(parent=topic, title=f"Tie {n}", publish_date=datetime.date(2021, 6, 1))
    everything = titles(get_v3(client, ITEMS, {"limit": 100}))

    pages = [get_v3(client, ITEMS, {"limit": 3})]
    while pages[-1]["meta"]["next"]:
        assert pages[-1]["meta"]["next"].startswith("http://testserver/api/v3/items/?")
        pages.append(get_v3(client, pages[-1]["meta"]["next"]))
    assert [title for page in pages for title in titles(page)] == everything
    assert pages[0]["meta"]["previous"] is None and "total_count" not in pages[0]["meta"]
    back = get_v3(client, pages[-1]["meta"]["previous"])
    assert titles(back) == titles(pages[-2])


def test_repeat_requests_get_an_etag_and_revalidate_with_304(client, dated_items):
    first = client.get(ITEMS)
    etag = first["ETag"]

    again = client.get(ITEMS, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag
    ContentVersion.objects.update_or_create(  # as publishing does, once committed
        pk=ContentVersion.SINGLETON_ID, defaults={"changed_at": timezone.now()}
    )
    assert client.get(ITEMS, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_session_cookie_does_not_change_the_audience(client, dated_items, django_user_model):
    # v3 trusts bearer tokens only, so a signed-in browser shares anonymous readers' answer.
    etag = client.get(ITEMS)["ETag"]
    client.force_login(django_user_model.objects.create_user("reader"))

    assert client.get(ITEMS, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize(
    "params",
    [
        {"child_of": "abc"},
        {"limit": "0"},
        {"order": "body"},
        {"cursor": "not-a-cursor"},
        {"kind": "newsletter"},
        {"published_after": "yesterday"},
        {"upcoming": "perhaps"},
        {"child_of": "999999"},
        {"child_of": "1", "descendant_of": "1"},
        {"tag": " "},
        {"search": "x", "order": "title"},
        {"wat": "1"},
        {"site": "nowhere.example"},
        {"title": "x\x00"},
    ],
)
def test_bad_input_is_a_4xx_in_v3s_problem_format(client, dated_items, params):
    problem = get_problem(client, ITEMS, params)

    assert problem["detail"]


def test_openapi_types_items_as_a_union_discriminated_by_kind(client, db):
    document = openapi(client)

    page = document["components"]["schemas"]["ItemsPage"]
    union = page["properties"]["items"]["items"]
    assert union["discriminator"]["propertyName"] == "kind"
    assert set(union["discriminator"]["mapping"]) == {"news", "webinar", "podcast"}
    members = {ref["$ref"].rsplit("/", 1)[-1] for ref in union["oneOf"]}
    assert members == {"ArticlePageItem", "WebinarPageItem", "PodcastPageItem"}
    webinar = resolve(document, {"$ref": "#/components/schemas/WebinarPageItem"})
    assert webinar["properties"]["kind"]["const"] == "webinar"
    assert webinar["properties"]["is_upcoming"]["type"] == "boolean"


def test_a_kind_a_host_adds_is_listed_beside_the_others(client, topic):
    ArticleFactory(parent=topic, title="Library news", publish_date=datetime.date(2021, 11, 11))
    PodcastFactory(parent=topic, title="Episode 1", publish_date=datetime.date(2021, 11, 20))

    data = get_v3(client, ITEMS, {"child_of": topic.pk})

    assert [(i["title"], i["kind"]) for i in data["items"]] == [
        ("Episode 1", "podcast"),
        ("Library news", "news"),
    ]
    assert get_v3(client, ITEMS, {"kind": "podcast"})["items"][0]["kind_label"] == "Podcast"
