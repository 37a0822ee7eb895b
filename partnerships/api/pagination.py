"""The items listing's pages, as DRF pagination classes.

`CursorPagination` is the default: no COUNT query, and the links in
`meta.next` and `meta.previous` cost the same on page 500 as on page 1.
`OffsetPagination` answers `offset=` and search, with Wagtail's
`meta.total_count`. Every link is built on the Site's own address, from
the parameters the listing reads, never from the request's Host header.
"""

from collections import OrderedDict
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from rest_framework.pagination import BasePagination
from rest_framework.response import Response

from ..caching.response_cache import IGNORED_PARAMETERS
from ..conf import partnerships_setting
from ..params import MAX_OFFSET, BadParameter, parse_int
from ..sites import absolute_url
from .cursors import Cursor, Ordering

DEFAULT_ORDER = "-publish_date"
DEFAULT_LIMIT = 20


def page_limit(request):
    return parse_int(
        request.GET,
        "limit",
        DEFAULT_LIMIT,
        minimum=1,
        maximum=partnerships_setting("API_MAX_LIMIT"),
    )


def page_url(request, **changes):
    """A link to another page of this listing: sorted parameters, cache busters left out."""
    query = request.GET.copy()
    for name in ("cursor", "offset", *IGNORED_PARAMETERS):
        query.pop(name, None)
    for name, value in changes.items():
        query[name] = value
    ordered = sorted((name, value) for name, values in query.lists() for value in values)
    return absolute_url(request, f"{request.path}?{urlencode(ordered)}")


class ListingPagination(BasePagination):
    def get_paginated_response(self, data):
        return Response(OrderedDict([("meta", self.meta), ("items", data)]))


class CursorPagination(ListingPagination):
    """Keyset pages in `order=` (newest `publish_date` first), ties broken by id."""

    def paginate_queryset(self, queryset, request, view=None):
        limit = page_limit(request)
        order_param = request.GET.get("order", DEFAULT_ORDER)
        ordering = Ordering.parse(order_param)
        cursor = (
            Cursor.decode(request.GET["cursor"], ordering, order_param)
            if "cursor" in request.GET
            else None
        )
        backwards = bool(cursor and cursor.backwards)
        if cursor:
            queryset = queryset.filter(ordering.after(cursor.key, reverse=backwards))
        rows = list(queryset.order_by(*ordering.order_by(reverse=backwards))[: limit + 1])
        has_more = len(rows) > limit
        rows = rows[:limit]
        if backwards:
            rows.reverse()

        def link(row, towards_start):
            token = Cursor(order_param, ordering.key_of(row), towards_start).encode()
            return page_url(request, cursor=token)

        has_next = has_more if not backwards else True
        has_previous = cursor is not None and (has_more if backwards else True)
        self.meta = OrderedDict(
            [
                ("next", link(rows[-1], False) if rows and has_next else None),
                ("previous", link(rows[0], True) if rows and has_previous else None),
            ]
        )
        return rows


class OffsetPagination(ListingPagination):
    """`offset=` pages in `order=` (or search's own order), with `meta.total_count`."""

    def paginate_queryset(self, queryset, request, view=None):
        if "cursor" in request.GET:
            raise BadParameter(_("give either cursor or offset, not both"))
        limit = page_limit(request)
        offset = parse_int(request.GET, "offset", 0, maximum=MAX_OFFSET)
        if not request.GET.get("search"):  # search results keep their ranking
            queryset = queryset.order_by(
                *Ordering.parse(request.GET.get("order", DEFAULT_ORDER)).order_by()
            )
        total = queryset.count()
        next_offset = offset + limit
        self.meta = OrderedDict(
            [
                ("total_count", total),
                ("next", page_url(request, offset=next_offset) if next_offset < total else None),
                (
                    "previous",
                    page_url(request, offset=max(offset - limit, 0)) if offset > 0 else None,
                ),
            ]
        )
        return list(queryset[offset:next_offset])


def paginator_for(query):
    """Cursor pages, unless the reader asks for an offset or searches (then total_count)."""
    return OffsetPagination() if "offset" in query or query.get("search") else CursorPagination()
