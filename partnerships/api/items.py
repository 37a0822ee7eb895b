"""`/api/v2/items/`: every news item and webinar, each with its own kind's fields."""

import copy
import functools

from django.db.models import Prefetch
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet

from ..internals import api_serializer_class, as_kinds
from ..models import ListablePage, listable_page_models
from ..params import BadParameter
from .endpoints import CachedEndpointMixin
from .filters import ITEM_FILTERS, TreeFilter
from .pagination import paginator_for

# On every item whatever `fields` says: a typed client tells the kinds apart by
# `kind` (the schema's discriminator), so `fields` cannot remove it.
ALWAYS_LISTED = ("kind",)


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
    filter_backends = ITEM_FILTERS
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
            raise BadParameter(
                _("unknown query parameters: %(unknown)s; this endpoint accepts: %(known)s")
                % {
                    "unknown": ", ".join(sorted(unknown)),
                    "known": ", ".join(sorted(self.known_query_parameters - {"_"})),
                }
            )

    @property
    def paginator(self):
        """Cursor pages, unless the reader asks for an offset or searches (then total_count)."""
        if not hasattr(self, "_paginator"):
            self._paginator = paginator_for(self.request.GET)
        return self._paginator

    def get_queryset(self):
        return self.with_related(ListablePage.objects.visible(self.request))

    def listing_view(self, request):
        self.check_query_parameters()
        serializers = self.serializers_by_kind()
        rows = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        if not rows:
            TreeFilter.check_parent(request)
        return self.get_paginated_response(self.serialize(as_kinds(rows), serializers))

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

    # What the requested fields read

    def with_related(self, queryset):
        return with_related(queryset, self.requested_fields_by_kind)

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
        fields_config = [
            entry for entry in parse_fields(raw_fields) if entry[0] not in ALWAYS_LISTED
        ] + [(name, False, None) for name in ALWAYS_LISTED]
        kinds = listable_page_models()
        available = set()
        for model in kinds:
            available.update(cls.get_available_fields(model))
        mentioned = {name for name, _, _ in fields_config if name not in ("*", "_")}
        unknown = mentioned - available
        if unknown:
            raise BadParameter(
                _("unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
            )

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
        raise BadParameter(_("fields error: %(error)s") % {"error": error}) from None


# What the requested fields read (v2's listing and v3's)


def with_related(queryset, requested_fields_by_kind):
    """What the requested fields ({kind: field names}) read, in a constant number of queries."""
    requested = set().union(*requested_fields_by_kind.values())
    queryset = queryset.with_kinds()
    if "tags" in requested:
        queryset = queryset.with_tag_names()
    if "listing_image" in requested:
        queryset = queryset.select_related("listing_image").prefetch_related(
            "listing_image__renditions"
        )
    return queryset.prefetch_related(*kind_prefetches(requested_fields_by_kind))


def kind_prefetches(requested_fields_by_kind):
    """The prefetches each kind declares for the fields asked of it."""
    lookups = []
    for model in listable_page_models():
        accessor = model._meta.model_name
        fields = requested_fields_by_kind.get(model, ())
        declared = model.api_prefetches() if fields else {}  # builds querysets: once per kind
        for field in fields:
            for lookup in declared.get(field, []):
                lookups.append(
                    Prefetch(f"{accessor}__{lookup.prefetch_through}", lookup.queryset)
                    if isinstance(lookup, Prefetch)
                    else f"{accessor}__{lookup}"
                )
    return lookups
