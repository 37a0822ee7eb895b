"""The demo site's URLs, plus the two yardsticks the bench compares with.

- `/bench-stock/api/v2/pages/`: Wagtail's stock `PagesAPIViewSet`, unmodified,
  as a team would mount it.
- `/bench-floor/items/<topic id>/`: one raw SQL query for the same ten rows the
  items listing's first page shows, returned as JSON: the floor.
"""

from django.db import connection
from django.http import JsonResponse
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from demosite.urls import urlpatterns as site_urlpatterns

stock_router = WagtailAPIRouter("benchstockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)

FLOOR_SQL = """
    SELECT p.id, p.title, p.slug, p.url_path, l.publish_date, l.summary, l.excerpt
    FROM partnerships_listablepage l JOIN wagtailcore_page p ON p.id = l.page_ptr_id
    WHERE l.topic_id = %s AND p.live AND (p.expire_at IS NULL OR p.expire_at > now())
    ORDER BY l.publish_date DESC, l.page_ptr_id DESC
    LIMIT 10
"""


def floor_view(request, topic_id):
    with connection.cursor() as cursor:
        cursor.execute(FLOOR_SQL, [topic_id])
        columns = [column.name for column in cursor.description]
        items = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return JsonResponse({"items": items})


urlpatterns = [
    path("bench-stock/api/v2/", stock_router.urls),
    path("bench-floor/items/<int:topic_id>/", floor_view),
    *site_urlpatterns,
]
