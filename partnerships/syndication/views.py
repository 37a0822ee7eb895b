"""The Site's own feeds and calendar: every topic of the request's Site together.

A topic's feeds and calendar are routes of the topic page itself
(`TopicIndexPage`); these are the Site-wide ones, at `/feed.rss`,
`/feed.atom`, `/feed.json` and `/webinars.ics`.
"""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..caching.response_cache import reader_response
from ..models import ListablePage
from ..sites import site_name
from .calendars import upcoming_calendar
from .feeds import listing_feed


@require_safe
@reader_response(known=frozenset({"kind"}))
def site_feed(request, format):
    """Every topic's newest items, as a feed in `format` (rss, atom, json)."""
    return listing_feed(request, format, ListablePage.objects.visible().newest_first())


@require_safe
@reader_response(known=frozenset())
def site_calendar(request):
    """Every topic's upcoming webinars."""
    name = _("Webinars · %(site)s") % {"site": site_name(request)}
    items = ListablePage.objects.visible().prefetch_related("tags")
    return upcoming_calendar(request, items, name, "webinars.ics")
