"""What a topic page lists for one query string: `?kind=`, `?tag=`, `?page=`.

The query string is read with `partnerships.params`: a value it cannot use
is a 400 (the topic page says so in place of its list), and a page number
past the end of the listing is a 404.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from taggit.models import Tag

from ..internals import as_kinds
from ..models.kinds import kinds_by_name
from ..params import parse_kinds, parse_page_number, reject_malformed
from .listing_views import listing_view
from .pagination import ListingPage

# How many upcoming webinars (and other scheduled kinds) lead a topic's first page.
UPCOMING_LIMIT = 3


def topic_listing(topic, request):
    """The context a topic page renders its listing from (raises BadParameter or Http404)."""
    reject_malformed(request.GET)
    kinds = kinds_by_name()
    kind = (parse_kinds(request.GET) or [""])[0]
    number = parse_page_number(request.GET)
    items = topic.recent_items(request)
    if kind:
        items = items.of_kinds([kind])

    tag_slug = request.GET.get("tag", "")
    tag = Tag.objects.filter(slug=tag_slug).first() if tag_slug else None
    if tag_slug:
        items = items.tagged(tag_slug) if tag else items.none()

    items_page = ListingPage(items.for_cards(), number or 1, topic.items_per_page)
    if number is None or (number > 1 and not items_page.object_list):
        raise Http404(_("There is no such page of items."))
    items_page.object_list = as_kinds(items_page.object_list)

    # The first page leads with what is still to come, from the same filtered listing.
    upcoming = []
    if items_page.number == 1 and (not kind or kinds[kind].schedule_fields):
        upcoming = as_kinds(items.upcoming().for_cards()[:UPCOMING_LIMIT])

    return {
        "items_page": items_page,
        "upcoming_items": upcoming,
        "kinds": sorted(kinds.values(), key=lambda model: model.kind_label),
        "active_kind": kind,
        "tag": tag,
        "tag_slug": tag_slug,
        "listing_view": listing_view(
            kinds[kind] if kind else None, tag_slug, tag.name if tag else tag_slug, items_page
        ),
    }
