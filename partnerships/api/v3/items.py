"""`/api/v3/items/`: v2's mixed listing of every kind, as a router on Wagtail's v3 API.

The same query as `/api/v2/items/`: the visible items of the request's Site
(`ListablePage.objects.visible()`), narrowed by v2's filter backends, paged
by v2's cursor (or, with `offset` or `search`, offset) pagination, served
through the reader response cache (ETag, 304, shared entries for anonymous
readers). django-ninja documents and type-checks the parameters (a 422);
`partnerships.params` still decides what they mean (a 400), and both answer
in v3's `application/problem+json`.

Added to v3's api by `PartnershipsConfig.ready()`, as Wagtail's redirects app
adds its router.
"""

from datetime import date
from typing import Literal

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail, problem_response

from ...caching.response_cache import IGNORED_PARAMETERS, reader_response
from ...internals import as_kinds
from ...models import ListablePage, listable_page_models
from ...params import BadParameter, reject_malformed
from ..cursors import ORDERINGS
from ..filters import ITEM_FILTERS, TreeFilter
from ..items import with_related
from ..pagination import paginator_for
from .item_schemas import item_union, listing_field_names, render_item

router = Router(tags=["items"])
OrderParameter = Literal[tuple(f"{sign}{name}" for name in ORDERINGS for sign in ("", "-"))]


class ItemsQuery(Schema):
    """The parameters, for the OpenAPI document; `partnerships.params` reads them."""

    child_of: int | Literal["root"] | None = None
    descendant_of: int | Literal["root"] | None = None
    site: str | None = None
    kind: str | None = Field(None, description="Kinds, comma-separated: news,webinar.")
    tag: list[str] = Field([], description="A tag's slug or name; repeat to require several.")
    published_after: date | None = None
    published_before: date | None = None
    upcoming: bool | None = None
    order: OrderParameter | None = None
    search: str | None = None
    search_operator: Literal["and", "or"] | None = None
    cursor: str | None = Field(None, description="From `meta.next` or `meta.previous`.")
    offset: int | None = Field(None, ge=0, description="Pages by offset, with a total_count.")
    limit: int | None = Field(None, ge=1)


KNOWN_PARAMETERS = frozenset(ItemsQuery.model_fields) | IGNORED_PARAMETERS


class ItemsMeta(Schema):
    next: str | None
    previous: str | None
    total_count: int | None = Field(None, description="Only when paging by offset or searching.")


class ItemsPage(Schema):
    meta: ItemsMeta
    items: list[item_union()]


def problem(description):
    """A documented answer in v3's error format (wagtail.api.v3.errors.ProblemDetail)."""
    schema = ProblemDetail.model_json_schema()
    return {"description": description, "content": {"application/problem+json": {"schema": schema}}}


# What django-ninja cannot infer: the answers besides 200, and that the token is
# optional (anonymous readers get the public listing). django-ninja adds this
# `{}`, OpenAPI's "no authentication", to the schemes it lists from `auth`.
DOCUMENTED_ANSWERS = {
    "responses": {
        "304": {"description": "Not modified since the ETag you sent (If-None-Match)."},
        "400": problem("A parameter our rules refuse (an unknown one, a cursor never issued)."),
        "404": problem("`child_of` or `descendant_of` names no page on this Site."),
        "422": problem("A parameter of the wrong type or out of its range."),
    },
    "security": [{}],
}


@router.get(
    "/",
    response=ItemsPage,
    url_name="list_items",
    summary="List news items and webinars",
    operation_id="items_list",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    openapi_extra=DOCUMENTED_ANSWERS,
)
def list_items(request, query: ItemsQuery = Query(...)):  # noqa: B008 (django-ninja's idiom)
    return cached_listing(request)


@reader_response
def cached_listing(request):
    try:
        return JsonResponse(listing(request))
    except BadParameter as error:
        return problem_response(status=400, detail=str(error))


def listing(request):
    params = request.GET
    reject_malformed(params)
    unknown = set(params) - KNOWN_PARAMETERS
    if unknown:  # refused, not ignored: links and cache entries keep only known parameters
        raise BadParameter(
            _("unknown query parameters: %(unknown)s; this endpoint accepts: %(known)s")
            % {
                "unknown": ", ".join(sorted(unknown)),
                "known": ", ".join(sorted(KNOWN_PARAMETERS - IGNORED_PARAMETERS)),
            }
        )
    queryset = ListablePage.objects.visible(request)
    for backend in ITEM_FILTERS:
        queryset = backend().filter_queryset(request, queryset, None)
    queryset = with_related(queryset, listed_fields())
    paginator = paginator_for(params)
    rows = paginator.paginate_queryset(queryset, request)
    if not rows:
        TreeFilter.check_parent(request)
    items = [render_item(item, request) for item in as_kinds(rows)]
    return {"meta": paginator.meta, "items": items}


def listed_fields():
    return {model: frozenset(listing_field_names(model)) for model in listable_page_models()}
