"""What the bench requests, for one topic."""

from django.db import connection

from partnerships.api.cursors import Cursor
from partnerships.models import ListablePage

from .measure import Case

PAGE = 200  # "page 200": items 1,991–2,000 at ten a page
LIMIT = 10


def cases_for(topic, size):
    last_page = min(PAGE, size // LIMIT)  # the 1k topic has only 100 pages
    offset = (last_page - 1) * LIMIT
    items = f"/api/v2/items/?child_of={topic.pk}&limit={LIMIT}"
    listing_page_1 = Case("items page 1", items)
    cases = [
        Case("HTML page 1", topic.url, cached=False, headers={}),
        Case(f"HTML page {last_page}", f"{topic.url}?page={last_page}", cached=False, headers={}),
        listing_page_1,
        Case(f"items offset {offset}", f"{items}&offset={offset}"),
        Case(f"items cursor page {last_page}", f"{items}&cursor={cursor_before(topic, offset)}"),
        Case("topic detail", f"/api/v2/pages/{topic.pk}/?fields=_,id,title,recent_items"),
        # Hero image with renditions, credit, related topic, parent and recent items.
        Case("topic detail, every part", f"/api/v2/pages/{topic.pk}/"),
        *v3_cases(topic, last_page, offset),
        Case(
            "304 revalidation",
            items,
            cached=False,
            revalidation=True,
            expect_status=304,
        ),
        Case(
            "stock v2 pages",
            f"/bench-stock/api/v2/pages/?child_of={topic.pk}&order=-first_published_at"
            f"&limit={LIMIT}",
            cached=False,
        ),
        Case("raw SQL floor", f"/bench-floor/items/{topic.pk}/", cached=False),
    ]
    return cases


def v3_cases(topic, last_page, offset):
    """The same listing in API v3 (cold and warm, and deep by cursor), and a v3 topic detail."""
    items = f"/api/v3/items/?child_of={topic.pk}&limit={LIMIT}"
    return [
        Case("v3 items page 1", items),
        Case(f"v3 items cursor page {last_page}", f"{items}&cursor={cursor_before(topic, offset)}"),
        Case("v3 topic detail (Wagtail's route)", f"/api/v3/pages/{topic.pk}/", cached=False),
    ]


def cursor_before(topic, offset):
    """The cursor `meta.next` of the page before would hold: the key of row `offset`."""
    row = ListablePage.objects.listed_under(topic)[offset - 1]
    return Cursor("-publish_date", [row.publish_date.isoformat(), row.pk], False).encode()


def explain_listing(topic):
    """PostgreSQL's plan for the first page of the listing, and whether it is the right one."""
    queryset = ListablePage.objects.listed_under(topic)[:LIMIT]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}", params)
        plan = [row[0] for row in cursor.fetchall()]
    text = "\n".join(plan)
    return {
        "plan": plan,
        # A topic holding most of the table may be read through `listable_newest`
        # (all topics, same order) with a filter: also in key order, also no sort.
        "index": next((i for i in ("listable_topic_newest", "listable_newest") if i in text), None),
        "seq_scan_on_listable": "Seq Scan on partnerships_listablepage" in text,
        # The visibility rule's checks of the parent and grandparent must probe the
        # path index row by row, not scan the page table for hidden pages.
        "seq_scan_on_pages": any(
            "Seq Scan on wagtailcore_page " in line or line.endswith("Seq Scan on wagtailcore_page")
            for line in plan
        ),
        "sorts": "Sort" in text,
    }
