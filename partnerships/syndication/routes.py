"""Files under a page's URL (`/topic/feed.rss`, `/topic/webinar/calendar.ics`).

Wagtail's page URLs only hold letters, digits, `-` and `_`, so a name with a
dot never reaches its router. `page_file_pattern` hands such a path to
Wagtail's own `serve` view — view restrictions and all — where the page's
`RoutablePageMixin` routes (declared as `"feed.rss/"`, since Wagtail's router
ends every path with a slash) answer it.

It claims only paths that name a file one of our pages serves, under a page
of a kind that serves it: `/manifest.json` or a host's `/blog/feed.rss` are
left to the host's own URLs, which may come after ours.
"""

import re

from django.urls.resolvers import RegexPattern, URLPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models
from wagtail.views import serve

# Files our pages serve, and the page types that serve each.
PAGE_FILES = {
    "feed.rss": "rss_feed",
    "feed.atom": "atom_feed",
    "feed.json": "json_feed",
    "webinars.ics": "webinars_calendar",
    "calendar.ics": "calendar",
}
FILE_PATH = r"^(?P<page_path>(?:[\w\-]+/)+)(?P<name>{})$".format(
    "|".join(re.escape(name) for name in PAGE_FILES)
)


def page_types_serving(name):
    """Page types with a route called `PAGE_FILES[name]`."""
    route = PAGE_FILES[name]
    return [
        model
        for model in get_page_models()
        if issubclass(model, RoutablePageMixin)
        and route in {pattern.name for pattern in model.get_subpage_urls()}
    ]


class PageFilePattern(URLPattern):
    """Matches only when a page of a type serving that file has that path's last slug.

    One indexed query (on the slug); Wagtail's `serve` then finds the page on
    the request's Site as it finds any page.
    """

    def resolve(self, path):
        match = super().resolve(path)
        if match is None:
            return None
        slug = match.kwargs["page_path"].rstrip("/").rsplit("/", 1)[-1]
        types = page_types_serving(match.kwargs["name"])
        candidates = Page.objects.filter(slug=slug).type(*types) if types else Page.objects.none()
        return match if candidates.exists() else None


def serve_page_file(request, page_path, name):
    return serve(request, f"{page_path}{name}/")


page_file_pattern = PageFilePattern(
    RegexPattern(FILE_PATH, name="partnerships_page_file", is_endpoint=True),
    serve_page_file,
    name="partnerships_page_file",
)
