import datetime

import pytest
import wagtail_factories
from django.utils import timezone

from partnerships.models import ArticlePageAuthor, Person, WebinarPagePresenter
from tests.support.api import get_json, walk_pages
from tests.support.factories import ArticleFactory, TopicFactory, WebinarFactory
from tests.support.restrictions import restrict
from tests.support.seed import read_seed

pytestmark = pytest.mark.django_db
ITEMS = "/api/v2/items/"


def titles(data):
    return [item["title"] for item in data["items"]]


@pytest.fixture
def dated_items(topic):
    """Six items, one per month of 2021, alternating kinds; item 5 is newest."""
    items = []
    for n in range(6):
        factory = WebinarFactory if n % 2 else ArticleFactory
        items.append(
            factory(parent=topic, title=f"Item {n}", publish_date=datetime.date(2021, n + 1, 10))
        )
    return items


def test_items_lists_every_kind_newest_publish_date_first(client, dated_items):
    data = get_json(client, ITEMS)

    assert titles(data) == [f"Item {n}" for n in reversed(range(6))]
    assert [item["kind"] for item in data["items"]][:2] == ["webinar", "news"]


def test_each_item_carries_its_kinds_own_fields(client, topic):
    starts_at = timezone.now() + datetime.timedelta(days=3)
    WebinarFactory(
        parent=topic,
        publish_date=datetime.date(2021, 12, 1),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
    )
    ArticleFactory(parent=topic, publish_date=datetime.date(2021, 11, 1))

    webinar, article = get_json(client, ITEMS)["items"]

    assert webinar["meta"]["type"] == "partnerships.WebinarPage"
    assert webinar["kind_label"] == "Webinar"
    assert datetime.datetime.fromisoformat(webinar["starts_at"]) == starts_at
    assert webinar["starts_at"][-6] in "+-", "ISO 8601 with an offset"
    assert webinar["is_upcoming"] is True
    assert "starts_at" not in article
    assert article["meta"]["type"] == "partnerships.ArticlePage"
    assert article["meta"]["detail_url"].endswith(f"/api/v2/pages/{article['id']}/")


def test_fields_star_adds_bodies_and_people_with_rich_text_as_html(client, topic):
    person = Person.objects.create(name="Dianne Connery", role="Director", organisation="Pottsboro")
    article = ArticleFactory(
        parent=topic,
        body=[("paragraph", f'<p>See <a linktype="page" id="{topic.pk}">the topic</a>.</p>')],
    )
    ArticlePageAuthor.objects.create(page=article, person=person)
    article.save_revision().publish()

    (item,) = get_json(client, ITEMS, {"fields": "*"})["items"]

    assert item["authors"] == [
        {
            "id": person.pk,
            "name": "Dianne Connery",
            "role": "Director",
            "organisation": "Pottsboro",
            "photo": None,
        }
    ]
    paragraph = item["body"][0]
    assert paragraph["type"] == "paragraph"
    assert f'href="{topic.url}"' in paragraph["value"]


def test_fields_can_remove_and_choose_fields(client, dated_items):
    without_excerpt = get_json(client, ITEMS, {"fields": "-excerpt,-tags"})["items"][0]
    only_title = get_json(client, ITEMS, {"fields": "_,title"})["items"][0]

    assert "excerpt" not in without_excerpt and "tags" not in without_excerpt
    assert "title" in without_excerpt
    assert only_title == {"title": "Item 5", "kind": "webinar"}  # kind tells the kinds apart


def test_a_field_only_webinars_have_appears_only_on_webinars(client, dated_items):
    items = get_json(client, ITEMS, {"fields": "_,title,registration_url"})["items"]

    assert {tuple(sorted(item)) for item in items} == {
        ("kind", "registration_url", "title"),
        ("kind", "title"),
    }


def test_child_of_lists_one_topics_children(client, home, topic, dated_items):
    other = TopicFactory(parent=home, slug="other")
    ArticleFactory(parent=other, title="Elsewhere")

    assert titles(get_json(client, ITEMS, {"child_of": other.pk})) == ["Elsewhere"]
    assert len(titles(get_json(client, ITEMS, {"child_of": topic.pk}))) == 6


def test_child_of_with_descendant_of_means_both(client, home, topic, dated_items):
    other = TopicFactory(parent=home, slug="other")
    ArticleFactory(parent=other, title="Elsewhere")
    both = {"child_of": other.pk, "descendant_of": home.pk}

    assert titles(get_json(client, ITEMS, both)) == ["Elsewhere"]
    assert titles(get_json(client, ITEMS, {**both, "descendant_of": topic.pk})) == []


def test_descendant_of_lists_everything_under_a_page(client, home, topic, dated_items):
    other = TopicFactory(parent=home, slug="other")
    ArticleFactory(parent=other, title="Elsewhere", publish_date=datetime.date(2022, 1, 1))

    data = get_json(client, ITEMS, {"descendant_of": home.pk})

    assert titles(data)[0] == "Elsewhere" and len(data["items"]) == 7
    assert titles(get_json(client, ITEMS, {"descendant_of": other.pk})) == ["Elsewhere"]


def test_kind_filter_accepts_one_or_several_kinds(client, dated_items):
    assert {i["kind"] for i in get_json(client, ITEMS, {"kind": "webinar"})["items"]} == {"webinar"}
    assert len(get_json(client, ITEMS, {"kind": "news,webinar"})["items"]) == 6


def test_tag_filter_is_repeatable_and_narrows(client, topic):
    both = ArticleFactory(parent=topic, title="Both")
    both.tags.add("Public health", "outreach")
    both.save_revision().publish()
    one = ArticleFactory(parent=topic, title="One")
    one.tags.add("outreach")
    one.save_revision().publish()

    assert sorted(titles(get_json(client, ITEMS, {"tag": "outreach"}))) == ["Both", "One"]
    assert titles(get_json(client, f"{ITEMS}?tag=outreach&tag=public-health")) == ["Both"]
    assert titles(get_json(client, ITEMS, {"tag": "Public health"})) == ["Both"]


def test_published_after_and_before_are_inclusive_dates(client, dated_items):
    data = get_json(
        client, ITEMS, {"published_after": "2021-02-10", "published_before": "2021-04-10"}
    )
    assert titles(data) == ["Item 3", "Item 2", "Item 1"]


def test_upcoming_filter_splits_webinars_by_their_end(client, topic):
    now = timezone.now()
    WebinarFactory(
        parent=topic,
        title="Next week",
        starts_at=now + datetime.timedelta(days=7),
        ends_at=now + datetime.timedelta(days=7, hours=1),
    )
    WebinarFactory(
        parent=topic,
        title="Last year",
        starts_at=now - datetime.timedelta(days=365),
        ends_at=now - datetime.timedelta(days=365) + datetime.timedelta(hours=1),
    )
    ArticleFactory(parent=topic, title="News")

    assert titles(get_json(client, ITEMS, {"upcoming": "true"})) == ["Next week"]
    assert titles(get_json(client, ITEMS, {"upcoming": "false"})) == ["Last year"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("publish_date", [f"Item {n}" for n in range(6)]),
        ("-publish_date", [f"Item {n}" for n in reversed(range(6))]),
        ("title", [f"Item {n}" for n in range(6)]),
        ("-title", [f"Item {n}" for n in reversed(range(6))]),
    ],
)
def test_order_accepts_shared_fields(client, dated_items, order, expected):
    assert titles(get_json(client, ITEMS, {"order": order})) == expected


def test_cursor_pages_forwards_then_backwards_without_gaps_or_repeats(client, topic):
    same_day = datetime.date(2021, 6, 1)
    for n in range(7):  # ties on publish_date exercise the id tie-breaker
        ArticleFactory(parent=topic, title=f"Tie {n}", publish_date=same_day)
    for n in range(4):
        WebinarFactory(parent=topic, title=f"Later {n}", publish_date=datetime.date(2021, 7, n + 1))
    everything = titles(get_json(client, ITEMS, {"limit": 100}))

    pages = walk_pages(client, ITEMS, {"limit": 3})
    forwards = [title for page in pages for title in titles(page)]
    assert forwards == everything and len(pages) == 4
    assert pages[0]["meta"]["previous"] is None and pages[-1]["meta"]["next"] is None
    assert "total_count" not in pages[0]["meta"], "cursor paging never counts"

    backwards, data = [], pages[-1]
    while data["meta"]["previous"]:
        data = get_json(client, data["meta"]["previous"])
        backwards[:0] = titles(data)
    assert backwards + titles(pages[-1]) == everything


def test_offset_paging_keeps_wagtails_total_count(client, dated_items):
    data = get_json(client, ITEMS, {"offset": 2, "limit": 2})

    assert data["meta"]["total_count"] == 6
    assert titles(data) == ["Item 3", "Item 2"]
    assert "offset=4" in data["meta"]["next"] and "offset=0" in data["meta"]["previous"]


def test_search_finds_titles_summaries_and_tags_most_relevant_first(client, topic):
    ArticleFactory(parent=topic, title="Telehealth at the library")
    ArticleFactory(parent=topic, title="Gardens", summary="A telehealth booth in the garden.")
    ArticleFactory(parent=topic, title="Unrelated")

    data = get_json(client, ITEMS, {"search": "telehealth"})

    assert sorted(titles(data)) == ["Gardens", "Telehealth at the library"]
    assert data["meta"]["total_count"] == 2


def test_drafts_expired_and_restricted_items_never_appear(client, topic):
    ArticleFactory(parent=topic, title="Public")
    ArticleFactory(parent=topic, title="Draft", live=False)
    ArticleFactory(parent=topic, title="Expired", expire_at=timezone.now() - datetime.timedelta(1))
    private = ArticleFactory(parent=topic, title="Private")
    restrict(private)

    assert titles(get_json(client, ITEMS)) == ["Public"]
    assert titles(get_json(client, ITEMS, {"search": "private"})) == []


def test_seed_listing_through_the_api_matches_the_seed(client, demo):
    seed = read_seed()
    data = get_json(client, ITEMS, {"child_of": demo.pk, "limit": 10})

    assert [
        (i["title"], f"Publish Date: {i['kind_label']} / {_seed_date(i)}") for i in data["items"]
    ] == [(item.title, item.meta) for item in seed.items]


def _seed_date(item):
    date = datetime.date.fromisoformat(item["publish_date"])
    return f"{date.day} {date:%B %Y}"


@pytest.mark.parametrize("children", [10, 200])
def test_items_listing_issues_a_constant_number_of_queries(
    client, topic, children, django_assert_max_num_queries
):
    image = wagtail_factories.ImageFactory()
    for n in range(children):
        factory = WebinarFactory if n % 2 else ArticleFactory
        page = factory(parent=topic, title=f"Item {n}", listing_image=image)
        page.tags.add("outreach", f"tag {n % 5}")
        page.save()
    url = f"{ITEMS}?child_of={topic.pk}&limit=5"
    client.get(url)  # warm up: renditions, site root paths, content types

    # content version + Site + items (with their tag names) + renditions
    with django_assert_max_num_queries(4):
        data = get_json(client, url)
    assert len(data["items"]) == 5
    with django_assert_max_num_queries(4):
        get_json(client, data["meta"]["next"])


@pytest.mark.parametrize("children", [3, 30])
def test_fields_star_stays_constant_in_queries(
    client, topic, children, django_assert_max_num_queries
):
    person = Person.objects.create(name="Presenter")
    for n in range(children):
        page = (WebinarFactory if n % 2 else ArticleFactory)(parent=topic)
        relation = WebinarPagePresenter if n % 2 else ArticlePageAuthor
        relation.objects.create(page=page, person=person)
    client.get(f"{ITEMS}?fields=*&limit=50")

    with django_assert_max_num_queries(10):
        data = get_json(client, ITEMS, {"fields": "*", "limit": 50})
    assert len(data["items"]) == children
