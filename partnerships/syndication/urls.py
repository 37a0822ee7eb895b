"""The Site's feeds and calendar, and the files under our pages' own URLs.

    path("", include("partnerships.syndication.urls")),

Put it before Wagtail's pages; it claims only its own paths (see `routes`).
"""

from django.urls import path

from .routes import page_file_pattern
from .views import site_calendar, site_feed

urlpatterns = [
    path("feed.rss", site_feed, {"format": "rss"}, name="partnerships_rss_feed"),
    path("feed.atom", site_feed, {"format": "atom"}, name="partnerships_atom_feed"),
    path("feed.json", site_feed, {"format": "json"}, name="partnerships_json_feed"),
    path("webinars.ics", site_calendar, name="partnerships_webinars_calendar"),
    # `<page path>/feed.rss` and the like, handed to the pages' own routes.
    page_file_pattern,
]
