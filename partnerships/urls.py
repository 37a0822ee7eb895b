"""Include in the host site's URLconf, before Wagtail's catch-all:

path("", include("partnerships.urls")),
"""

from django.urls import path, re_path

from .api.docs import docs_view, not_found_view, schema_view
from .api.router import api_router
from .search.views import search_page
from .syndication.calendars import upcoming_webinars_calendar
from .syndication.feeds import listing_feed
from .syndication.routes import page_file_pattern

urlpatterns = [
    path("api/v2/schema.json", schema_view, name="partnerships_api_schema"),
    path("api/v2/docs/", docs_view, name="partnerships_api_docs"),
    path("api/v2/", api_router.urls),
    re_path(r"^api/v2/(?P<path>.*)$", not_found_view),
    path("feed.rss", listing_feed, {"format": "rss"}, name="partnerships_rss_feed"),
    path("feed.atom", listing_feed, {"format": "atom"}, name="partnerships_atom_feed"),
    path("feed.json", listing_feed, {"format": "json"}, name="partnerships_json_feed"),
    path("webinars.ics", upcoming_webinars_calendar, name="partnerships_webinars_calendar"),
    path("search/", search_page, name="partnerships_search"),
    # Last: `<page path>/feed.rss` and the like, handed to the pages' own routes.
    page_file_pattern,
]
