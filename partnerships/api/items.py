"""`/api/v2/items/`: every news item and webinar, each with its own kind's fields."""

import copy
import functools
from collections import OrderedDict
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.urls import path
from rest_framework.response import Response
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Page

from ..caching.response_cache import IGNORED_PARAMETERS
from ..conf import partnerships_setting
from ..internals import api_serializer_class, as_kinds
from ..models import ListablePage, listable_page_models
from ..sites import absolute_url, requested_site
from .cursors import Cursor, Ordering
from .endpoints import CachedEndpointMixin
from .params import MAX_OFFSET, parse_bool, parse_date, parse_int, parse_page_id


class ListingSerializer(PageSerializer):
    """Wagtail's page serializer, with its fields built once per class.

    DRF builds a model serializer's fields from the model for every
    instance; the listing's serializer classes are built once per `fields`
    value (`serializers_for`), so their fields are too, and each response
    gets a copy, made the way DRF copies declared fields.
    """

    def get_fields(self):
        cls = type(self)
        if "built_fields" not in cls.__dict__:
            cls.built_fields = super().get_fields()
        return copy.deepcopy(cls.built_fields)


DEFAULT_ORDER = "-publish_date"
DEFAULT_LIMIT = 20


class ItemsAPIViewSet(CachedEndpointMixin, BaseAPIViewSet):
    """Listing of every listable kind together, newest `publish_date` first.

    Speaks Wagtail's API dialect (`child_of`, `descendant_of`, `fields`,
    `search`, `limit`, `offset`, `order`) and adds `kind`, `tag`,
    `published_after`, `published_before`, `upcoming` and `cursor`. Without
    `offset` it pages by cursor: no COUNT query, and the links in `meta.next`
    and `meta.previous` cost the same on page 500 as on page 1.
    """

    name = "items"
    model = ListablePage
    base_serializer_class = ListingSerializer
    known_query_parameters = frozenset(
        {
            "limit",
            "offset",
            "cursor",
            "fields",
            "order",
            "search",
            "search_operator",
            "rich_text_format",
            "child_of",
            "descendant_of",
            "kind",
            "tag",
            "published_after",
            "published_before",
            "upcoming",
            "site",
            "format",
            "_",
        }
    )
    body_fields = ["id", "title"]
    meta_fields = ["type", "detail_url", "html_url", "slug", "first_published_at"]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "html_url",
        "slug",
        "first_published_at",
        "title",
        "kind",
        "kind_label",
        "publish_date",
        "summary",
        "excerpt",
        "tags",
        "listing_image",
    ]

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.listing_default_fields + list(model.api_listing_fields)

    @classmethod
    def endpoint_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                f"unknown query parameters: {', '.join(sorted(unknown))}; this endpoint "
                f"accepts: {', '.join(sorted(self.known_query_parameters - {'_'}))}"
            )

    def listing_view(self, request):
        params = request.GET  # already checked for NULs and repeats by the mixin
        self.check_query_parameters()
        limit = parse_int(
            params, "limit", DEFAULT_LIMIT, minimum=1, maximum=partnerships_setting("API_MAX_LIMIT")
        )
        serializers = self.serializers_by_kind()
        queryset = self.filtered_queryset()

        if params.get("search"):
            rows, meta = self.search_page(queryset, limit)
        elif "offset" in params:
            rows, meta = self.offset_page(queryset, limit)
        else:
            rows, meta = self.cursor_page(queryset, limit)

        items = self.serialize(as_kinds(rows), serializers)
        return Response(OrderedDict([("meta", meta), ("items", items)]))

    def serialize(self, items, serializers):
        """Each kind's items through one `many=True` serializer, then back in listing order.

        DRF builds a serializer's fields anew for every serializer instance,
        which cost more than the rows themselves when done once per item
        (~6 ms an item in `make bench`); this builds them once per kind.
        """
        context = self.get_serializer_context()
        by_kind = {}
        for item in items:
            by_kind.setdefault(type(item), []).append(item)
        rendered = {}
        for model, group in by_kind.items():
            data = serializers[model](group, many=True, context=context).data
            rendered.update(zip(map(id, group), data, strict=True))
        return [rendered[id(item)] for item in items]

    # Filtering

    def filtered_queryset(self):
        params = self.request.GET
        queryset = ListablePage.objects.visible(self.request).in_site(self.requested_site())

        child_of = parse_page_id(params, "child_of")
        if child_of is not None:
            queryset = queryset.filter(topic_id=child_of)
        descendant_of = parse_page_id(params, "descendant_of")
        if descendant_of is not None:
            ancestor_path = Page.objects.filter(pk=descendant_of).values("path")
            queryset = queryset.filter(path__startswith=ancestor_path).exclude(pk=descendant_of)

        if "kind" in params:
            queryset = queryset.of_kinds(self.parse_kinds(params["kind"]))
        for tag in params.getlist("tag"):
            if not tag.strip():
                raise BadRequestError("tag cannot be empty")
            queryset = queryset.tagged(tag)

        published_after = parse_date(params, "published_after")
        if published_after:
            queryset = queryset.filter(publish_date__gte=published_after)
        published_before = parse_date(params, "published_before")
        if published_before:
            queryset = queryset.filter(publish_date__lte=published_before)

        upcoming = parse_bool(params, "upcoming")
        if upcoming is not None:
            # Only kinds with a schedule (webinars) have a time: the queryset's one rule.
            queryset = queryset.upcoming() if upcoming else queryset.past()
        return queryset

    def requested_site(self):
        try:
            return requested_site(self.request, self.request.GET.get("site"))
        except ValueError as error:  # several sites match `site`
            raise BadRequestError(str(error)) from error

    def parse_kinds(self, raw):
        known = {model.kind for model in listable_page_models()}
        kinds = [kind for kind in raw.split(",") if kind]
        unknown = sorted(set(kinds) - known)
        if unknown or not kinds:
            raise BadRequestError(
                f"unknown kind: {', '.join(unknown) or '(empty)'}; "
                f"kinds are: {', '.join(sorted(known))}"
            )
        return kinds

    def with_related(self, queryset):
        """What the requested fields read, fetched in a constant number of queries."""
        requested = set().union(*self.requested_fields_by_kind.values())
        queryset = queryset.with_kinds()
        if "tags" in requested:
            queryset = queryset.with_tag_names()
        if "listing_image" in requested:
            queryset = queryset.select_related("listing_image").prefetch_related(
                "listing_image__renditions"
            )
        return queryset.prefetch_related(*self.kind_prefetches())

    def kind_prefetches(self):
        """The prefetches each kind declares for the fields asked of it."""
        lookups = []
        for model in listable_page_models():
            accessor = model._meta.model_name
            for field in self.requested_fields_by_kind[model]:
                for lookup in model.api_prefetches().get(field, []):
                    lookups.append(
                        Prefetch(f"{accessor}__{lookup.prefetch_through}", lookup.queryset)
                        if isinstance(lookup, Prefetch)
                        else f"{accessor}__{lookup}"
                    )
        return lookups

    # Paging

    def ordering(self):
        return Ordering.parse(self.request.GET.get("order", DEFAULT_ORDER))

    def cursor_page(self, queryset, limit):
        order_param = self.request.GET.get("order", DEFAULT_ORDER)
        ordering = Ordering.parse(order_param)
        cursor = (
            Cursor.decode(self.request.GET["cursor"], ordering, order_param)
            if "cursor" in self.request.GET
            else None
        )
        backwards = bool(cursor and cursor.backwards)
        if cursor:
            queryset = queryset.filter(ordering.after(cursor.key, reverse=backwards))
        queryset = queryset.order_by(*ordering.order_by(reverse=backwards))
        rows = list(self.with_related(queryset)[: limit + 1])
        has_more = len(rows) > limit
        rows = rows[:limit]
        if backwards:
            rows.reverse()

        def link(key, towards_start):
            token = Cursor(order_param, key, towards_start).encode()
            return self.page_url(cursor=token)

        has_next = has_more if not backwards else True
        has_previous = cursor is not None and (has_more if backwards else True)
        meta = OrderedDict(
            [
                ("next", link(ordering.key_of(rows[-1]), False) if rows and has_next else None),
                (
                    "previous",
                    link(ordering.key_of(rows[0]), True) if rows and has_previous else None,
                ),
            ]
        )
        return rows, meta

    def offset_page(self, queryset, limit):
        if "cursor" in self.request.GET:
            raise BadRequestError("give either cursor or offset, not both")
        offset = parse_int(self.request.GET, "offset", 0, maximum=MAX_OFFSET)
        queryset = queryset.order_by(*self.ordering().order_by())
        total = queryset.count()
        rows = list(self.with_related(queryset)[offset : offset + limit])
        return rows, self.offset_meta(total, offset, limit)

    def search_page(self, queryset, limit):
        params = self.request.GET
        for conflicting in ("order", "cursor"):
            if conflicting in params:
                raise BadRequestError(f"{conflicting} cannot be combined with search")
        operator = params.get("search_operator", "and")
        if operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        offset = parse_int(params, "offset", 0, maximum=MAX_OFFSET)
        ranked_ids = queryset.search_listing(params["search"], operator=operator)
        page_ids = ranked_ids[offset : offset + limit]
        rows_by_id = self.with_related(ListablePage.objects.filter(pk__in=page_ids)).in_bulk()
        rows = [rows_by_id[pk] for pk in page_ids]
        return rows, self.offset_meta(len(ranked_ids), offset, limit)

    def offset_meta(self, total, offset, limit):
        next_offset = offset + limit
        return OrderedDict(
            [
                ("total_count", total),
                ("next", self.page_url(offset=next_offset) if next_offset < total else None),
                (
                    "previous",
                    self.page_url(offset=max(offset - limit, 0)) if offset > 0 else None,
                ),
            ]
        )

    def page_url(self, **changes):
        """A link to another page of this listing, on the Site's own address.

        Built from the parameters the listing read (sorted, cache busters
        left out) and the Site record, never from the request's Host.
        """
        query = self.request.GET.copy()
        for name in ("cursor", "offset", *IGNORED_PARAMETERS):
            query.pop(name, None)
        for name, value in changes.items():
            query[name] = value
        ordered = sorted((name, value) for name, values in query.lists() for value in values)
        return absolute_url(self.request, f"{self.request.path}?{urlencode(ordered)}")

    # Serialising

    def serializers_by_kind(self):
        serializers, self.requested_fields_by_kind = self.serializers_for(
            self.request.wagtailapi_router, self.request.GET.get("fields")
        )
        return serializers

    @classmethod
    @functools.lru_cache(maxsize=64)
    def serializers_for(cls, router, raw_fields):
        """One Wagtail serializer per kind for a `fields` value, and the fields each reads.

        A field only some kinds have (a webinar's `starts_at`) is allowed, and
        appears on the items of those kinds. Wagtail builds serializer classes
        on every request; these depend only on `fields`, so they are built once.
        """
        fields_config = parse_fields(raw_fields)
        kinds = listable_page_models()
        available = set()
        for model in kinds:
            available.update(cls.get_available_fields(model))
        mentioned = {name for name, _, _ in fields_config if name not in ("*", "_")}
        unknown = mentioned - available
        if unknown:
            raise BadRequestError(f"unknown fields: {', '.join(sorted(unknown))}")

        serializers, requested_fields = {}, {}
        for model in kinds:
            model_fields = set(cls.get_available_fields(model))
            config = [entry for entry in fields_config if entry[0] in model_fields | {"*", "_"}]
            serializer = api_serializer_class(cls, router, model, config, show_details=False)
            serializers[model] = serializer
            requested_fields[model] = frozenset(serializer.Meta.fields)
        return serializers, requested_fields


def parse_fields(raw):
    if raw is None:
        return []
    try:
        return parse_fields_parameter(raw)
    except ValueError as error:
        raise BadRequestError(f"fields error: {error}") from None
