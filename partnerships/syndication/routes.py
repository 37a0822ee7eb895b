"""Files under a page's URL (`/topic/feed.rss`, `/topic/webinar/calendar.ics`).

Wagtail's page URLs only hold letters, digits, `-` and `_`, so a name with a
dot never reaches its router. `serve_page_file` hands such a path to Wagtail's
own `serve` view — view restrictions and all — where the page's
`RoutablePageMixin` routes (declared as `"feed.rss/"`, since Wagtail's router
ends every path with a slash) answer it.
"""

from django.urls import re_path
from wagtail.views import serve

FILE_EXTENSIONS = ("rss", "atom", "json", "ics")


def serve_page_file(request, path):
    return serve(request, f"{path}/")


page_file_pattern = re_path(
    r"^((?:[\w\-]+/)*[\w\-]+\.(?:{}))$".format("|".join(FILE_EXTENSIONS)),
    serve_page_file,
    name="partnerships_page_file",
)


def page_file_url(page, route_name, request=None) -> str:
    """The absolute URL of one of the page's file routes, without Wagtail's trailing slash."""
    return page.get_full_url(request) + page.reverse_subpage(route_name).rstrip("/")
