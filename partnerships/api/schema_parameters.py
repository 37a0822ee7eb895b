"""The query parameters of `/api/v2/`'s OpenAPI document, with the bounds the API enforces.

Every limit `partnerships.params`, the filters and the paginators apply is
written here too, so that a request the document calls valid is one the API
accepts, and a generated client or a fuzzer (scripts/check-api-clients)
cannot build one it rejects for its form.
"""

from django.conf import settings

from ..conf import partnerships_setting
from ..models import listable_page_models
from ..params import MAX_OFFSET, MAX_TAGS, MAX_VALUE_LENGTH
from .cursors import ORDERINGS
from .field_schemas import PROPERTY_SCHEMAS

# parse_page_id accepts up to 18 digits: always inside PostgreSQL's bigint.
MAX_PAGE_ID = 10**18 - 1
# A value of any parameter: at most MAX_VALUE_LENGTH characters and no NUL (reject_malformed).
TEXT = {"type": "string", "maxLength": MAX_VALUE_LENGTH, "pattern": "^[^\\u0000]*$"}
PAGE_ID = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_ID}
# `root` is Wagtail's name for the Site's root page.
PARENT = {"oneOf": [PAGE_ID, {"const": "root"}]}
DATE = {"type": "string", "format": "date", "examples": ["2021-11-11"]}
OFFSET = {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}
FIELDS_DESCRIPTION = (
    "Fields to add (`title,body`), remove (`-excerpt`), all (`*`) or start from none "
    "(`_,title`). Any field can be removed, `id`, `meta` and `title` included: only what "
    "a response's schema marks required is always there."
)


def query_parameter(name, description, schema=None, explode=None, required=False):
    parameter = {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema or TEXT,
    }
    if explode is not None:
        parameter["explode"] = explode
    return parameter


def fields_pattern(names):
    """`fields=` as Wagtail's parser accepts it, with only names the endpoint knows.

    Additions or removals (`title,-tags`); `*` then removals only; `_` then
    additions only; or nothing. Nested fields (`listing_image(title)`) work
    too but are left out: the pattern need only describe accepted requests.
    """
    name = "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"
    return f"^(?:-?{name}(?:,-?{name})*|[*](?:,-{name})*|_(?:,{name})*)?$"


def fields_parameter(names):
    return query_parameter("fields", FIELDS_DESCRIPTION, {**TEXT, "pattern": fields_pattern(names)})


def limit_parameter(maximum, default, minimum=1):
    return query_parameter(
        "limit",
        f"Items per page ({minimum} to {maximum}).",
        {"type": "integer", "minimum": minimum, "maximum": maximum, "default": default},
    )


def search_parameters():
    return [
        query_parameter(
            "search",
            "Full-text search; results come most relevant first. Empty: no search.",
            TEXT,
        ),
        query_parameter(
            "search_operator",
            "How search terms combine.",
            {"enum": ["and", "or"], "default": "and"},
        ),
    ]


def rich_text_parameter():
    return query_parameter(
        "rich_text_format",
        "Rich text output.",
        {"enum": ["html", "db_html", "markdown", "db_markdown"]},
    )


def wagtail_listing_parameters(fields):
    """What Wagtail's own listings (pages, images, documents) accept."""
    return [
        fields_parameter(fields),
        # Wagtail answers `limit=0` with an empty page (and `meta.total_count`).
        limit_parameter(getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or MAX_OFFSET, 20, 0),
        query_parameter("offset", "Items to skip.", OFFSET),
        *search_parameters(),
    ]


def pages_filter_parameters(page_models):
    types = sorted(f"{model._meta.app_label}.{model.__name__}" for model in page_models)
    # `random` is left out: Wagtail refuses it with `offset`.
    orders = [f"{sign}{name}" for name in ("id", "title", "first_published_at") for sign in "-+"]
    return [
        query_parameter("type", "Page type; adds its fields to `fields`.", {"enum": types}),
        query_parameter("child_of", "Children of this page id.", PARENT),
        query_parameter("descendant_of", "Pages under this page id.", PARENT),
        query_parameter(
            "order",
            "A field name or `-field` (or `random`, without `offset`).",
            {"enum": [order.removeprefix("+") for order in orders]},
        ),
    ]


def items_parameters(fields):
    kinds = sorted(model.kind for model in listable_page_models())
    orderings = [f"{sign}{name}" for name in ORDERINGS for sign in ("-", "")]
    kind_list = "(?:" + "|".join(kinds) + ")"
    return [
        query_parameter("child_of", "Only the children of this topic (page id).", PARENT),
        query_parameter("descendant_of", "Only pages under this page (page id).", PARENT),
        query_parameter(
            "kind",
            f"Comma-separated kinds: {', '.join(kinds)}. "
            + PROPERTY_SCHEMAS["kind"]["description"],
            {**TEXT, "pattern": f"^{kind_list}(?:,{kind_list})*$"},
        ),
        query_parameter(
            "tag",
            f"Only items with this tag (slug or name); repeat to require several "
            f"(at most {MAX_TAGS}).",
            {
                "type": "array",
                "maxItems": MAX_TAGS,
                "items": {**TEXT, "pattern": "^[^\\u0000]*\\S[^\\u0000]*$"},
            },
            explode=True,
        ),
        query_parameter("published_after", "Publish date on or after (YYYY-MM-DD).", DATE),
        query_parameter("published_before", "Publish date on or before (YYYY-MM-DD).", DATE),
        query_parameter(
            "upcoming", "Webinars that have not ended (true) or have (false).", {"type": "boolean"}
        ),
        query_parameter(
            "order",
            "Sort order; ties are broken by id. Not with `search`, which orders by relevance.",
            {"enum": orderings, "default": "-publish_date"},
        ),
        query_parameter(
            "cursor",
            "Opaque position from `meta.next` or `meta.previous`; not with `offset` or "
            "`search`, and only with the `order` it was made for.",
            TEXT,
        ),
        limit_parameter(partnerships_setting("API_MAX_LIMIT"), 20),
        query_parameter(
            "offset", "Page by offset instead of cursor; adds `meta.total_count`.", OFFSET
        ),
        fields_parameter(fields),
        *search_parameters(),
        rich_text_parameter(),
    ]


def preview_parameters(content_types):
    return [
        query_parameter(
            "content_type",
            "The previewed page's type as app_label.model, from the preview link.",
            {"enum": content_types},
            required=True,
        ),
        query_parameter("token", "The signed token from the preview link.", TEXT, required=True),
    ]
