"""Query counts that must not grow with the number of items or the page number.

Speed is measured by `make bench`; these guard the constants it relies on.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.api.cursors import Cursor, Ordering
from partnerships.models import ListablePage
from tests.support.api import get_json
from tests.support.factories import TopicFactory, webinar_with_presenters
from tests.support.query_counts import import_items, uncached_queries

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def deep_cursor(topic, offset):
    row = ListablePage.objects.listed_under(topic)[offset - 1]
    return Cursor("-publish_date", [row.publish_date.isoformat(), row.pk], False).encode()


@pytest.fixture
def filled_topic(topic):
    import_items(topic, 250)
    return topic


def test_items_listing_costs_the_same_on_page_one_and_deep_pages(client, filled_topic):
    items = f"/api/v2/items/?child_of={filled_topic.pk}&limit=10"
    first = uncached_queries(client, items, **JSON)
    deep = uncached_queries(client, f"{items}&cursor={deep_cursor(filled_topic, 200)}", **JSON)
    # content version + the request's Site (Wagtail's own lookup) + items
    # (tag names are a column of it)
    assert first == deep <= 3


def test_items_listing_costs_the_same_with_ten_times_the_items(client, topic):
    import_items(topic, 25)
    items = f"/api/v2/items/?child_of={topic.pk}&limit=10"
    few = uncached_queries(client, items, **JSON)
    import_items(topic, 250)
    assert uncached_queries(client, items, **JSON) == few


def test_topic_detail_with_recent_items_costs_a_constant_number_of_queries(client, topic):
    url = f"/api/v2/pages/{topic.pk}/?fields=_,id,title,recent_items"
    import_items(topic, 25)
    few = uncached_queries(client, url, **JSON)
    import_items(topic, 250)
    # content version + Site + the topic as its own type + its recent items
    assert uncached_queries(client, url, **JSON) == few <= 4


def test_a_topic_detail_with_every_part_costs_a_constant_number_of_queries(client, demo):
    """The seed topic: a hero image with its credit, a related topic, recent items, a parent."""
    url = f"/api/v2/pages/{demo.pk}/"
    few = uncached_queries(client, url, **JSON)
    body = client.get(url, **JSON).json()
    assert body["hero_image"] and body["related_topics"] and body["meta"]["parent"]
    import_items(demo, 100)
    # content version + Site + the topic with its hero image and its parent (if
    # visible) + related topics the reader may see + recent items
    assert uncached_queries(client, url, **JSON) == few <= 5


def test_a_webinar_detail_costs_the_same_with_two_presenters_or_six(client, topic):
    few, many = webinar_with_presenters(topic, 2), webinar_with_presenters(topic, 6)
    counts = [uncached_queries(client, f"/api/v2/pages/{w.pk}/", **JSON) for w in (few, many)]
    assert len(get_json(client, f"/api/v2/pages/{many.pk}/")["presenters"]) == 6
    # content version + Site + the webinar + its tags + its presenters with their
    # portraits + the portraits' renditions
    assert counts[0] == counts[1] <= 6


def test_html_topic_page_costs_the_same_on_page_one_and_page_twenty(client, filled_topic):
    first = uncached_queries(client, filled_topic.url)
    deep = uncached_queries(client, f"{filled_topic.url}?page=20")
    # the Site (Wagtail's own lookup), the home page and the topic (each as its
    # own type, with whether privacy applies), the listing with each kind's
    # fields (no COUNT), upcoming webinars (page 1 only), related topics
    assert first <= 6
    assert deep <= 5


def test_repeats_and_revalidations_cost_one_query(client, filled_topic):
    items = f"/api/v2/items/?child_of={filled_topic.pk}&limit=10"
    etag = client.get(items, **JSON)["ETag"]
    with CaptureQueriesContext(connection) as repeat:
        assert client.get(items, **JSON).status_code == 200
    with CaptureQueriesContext(connection) as revalidation:
        response = client.get(items, HTTP_IF_NONE_MATCH=etag, **JSON)
    assert response.status_code == 304
    assert len(repeat) == len(revalidation) == 1


def test_cursor_paging_never_counts(client, filled_topic):
    items = f"/api/v2/items/?child_of={filled_topic.pk}&limit=10"
    data = get_json(client, items)
    with CaptureQueriesContext(connection) as queries:
        get_json(client, data["meta"]["next"])
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_listing_reads_the_topic_newest_index_without_sorting(home, topic):
    other = TopicFactory(parent=home, slug="other")
    import_items(topic, 1500)
    import_items(other, 300)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        sql, params = ListablePage.objects.listed_under(topic)[:10].query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "listable_topic_newest" in plan, plan
    assert "Sort" not in plan, plan
    assert "Seq Scan on partnerships_listablepage" not in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_a_deep_cursor_starts_the_index_scan_at_the_cursor(topic):
    import_items(topic, 1500)
    ordering = Ordering.parse("-publish_date")
    row = ListablePage.objects.listed_under(topic)[999]
    deep = ListablePage.objects.listed_under(topic).filter(
        ordering.after([row.publish_date, row.pk])
    )[:10]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        sql, params = deep.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = [row[0] for row in cursor.fetchall()]
    index_conditions = [line for line in plan if "Index Cond" in line]
    assert any("ROW(publish_date, page_ptr_id) < ROW(" in line for line in index_conditions), plan
    assert not any("Sort" in line for line in plan), plan
