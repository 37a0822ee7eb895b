"""`/api/v3/items/` and v3 page details: query counts that never grow with the children."""

import pytest
import wagtail_factories

from tests.support.api_v3 import get_v3
from tests.support.factories import ArticleFactory, WebinarFactory, webinar_with_presenters
from tests.support.query_counts import import_items, new_content_version

pytestmark = pytest.mark.django_db
ITEMS = "/api/v3/items/"


def fill(topic, count, **fields):
    for n in range(count):
        page = (WebinarFactory if n % 2 else ArticleFactory)(parent=topic, **fields)
        page.tags.add("outreach", f"tag {n % 5}")
        page.save()


@pytest.mark.parametrize("children", [3, 30])
def test_items_cost_at_most_three_queries_whatever_the_number_of_children(
    client, topic, children, django_assert_max_num_queries
):
    fill(topic, children)
    url = f"{ITEMS}?child_of={topic.pk}&limit=20"
    client.get(url)  # warms Wagtail's own caches (site root paths), as on a live site
    new_content_version()

    # content version + the request's Site + the items (tag names are a column)
    with django_assert_max_num_queries(3):
        data = get_v3(client, url)
    assert len(data["items"]) == min(children, 20)


@pytest.mark.parametrize("children", [3, 30])
def test_items_with_listing_images_add_only_the_renditions_query(
    client, topic, children, django_assert_max_num_queries
):
    fill(topic, children, listing_image=wagtail_factories.ImageFactory())
    url = f"{ITEMS}?child_of={topic.pk}&limit=20"
    client.get(url)
    new_content_version()

    with django_assert_max_num_queries(4):
        get_v3(client, url)


def test_the_next_page_by_cursor_costs_the_same(client, topic, django_assert_max_num_queries):
    fill(topic, 30)
    first = get_v3(client, f"{ITEMS}?child_of={topic.pk}&limit=5")
    new_content_version()

    with django_assert_max_num_queries(3):
        get_v3(client, first["meta"]["next"])


def test_a_repeat_or_a_revalidation_costs_one_query(client, topic, django_assert_num_queries):
    fill(topic, 10)
    etag = client.get(ITEMS)["ETag"]

    with django_assert_num_queries(1):
        assert client.get(ITEMS).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(ITEMS, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize("children", [3, 30])
def test_a_topics_v3_detail_with_recent_items_costs_the_same_whatever_its_children(
    client, topic, children, django_assert_max_num_queries
):
    import_items(topic, children)
    url = f"/api/v3/pages/{topic.pk}/"
    client.get(url)

    # Wagtail's own detail route, not cached by the plugin: the Site + the topic as
    # its own type with its locale and parent + related topics + recent items.
    with django_assert_max_num_queries(4):
        data = get_v3(client, url)
    assert len(data["recent_items"]) == min(children, topic.items_per_page)


def test_a_topics_v3_detail_with_every_part_costs_four_queries(
    client, demo, django_assert_max_num_queries
):
    """The seed topic: a hero image with its credit, a related topic, recent items, a parent."""
    url = f"/api/v3/pages/{demo.pk}/"
    client.get(url)

    with django_assert_max_num_queries(4):
        data = get_v3(client, url)
    assert data["hero_image"] and data["related_topics"] and data["recent_items"]
    assert data["meta"]["parent"]["id"] == demo.get_parent().pk


@pytest.mark.parametrize("presenters", [2, 6])
def test_a_webinars_v3_detail_costs_the_same_whatever_its_presenters(
    client, topic, presenters, django_assert_max_num_queries
):
    url = f"/api/v3/pages/{webinar_with_presenters(topic, presenters).pk}/"
    client.get(url)

    # the Site + the webinar + its tags + its presenters with their portraits +
    # the portraits' renditions
    with django_assert_max_num_queries(5):
        data = get_v3(client, url)
    assert len(data["presenters"]) == presenters
