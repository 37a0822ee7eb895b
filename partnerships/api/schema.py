"""The OpenAPI 3.1 document of `/api/v2/`, built from the models' `api_fields`.

A kind a host site adds (a subclass of `ListablePage`) is documented with no
change here: its schema comes from its fields.
"""

from wagtail.models import Page, get_page_models

from ..conf import partnerships_setting
from ..models import listable_page_models
from .cursors import ORDERINGS
from .field_schemas import NULLABLE_URI, URI, api_field_schemas
from .items import ItemsAPIViewSet

ERROR = {"$ref": "#/components/schemas/Error"}


def page_meta_schema(names):
    known = {
        "type": {"type": "string", "examples": ["partnerships.ArticlePage"]},
        "detail_url": URI,
        "html_url": NULLABLE_URI,
        "slug": {"type": "string"},
        "show_in_menus": {"type": "boolean"},
        "seo_title": {"type": "string"},
        "search_description": {"type": "string"},
        "first_published_at": {"type": ["string", "null"], "format": "date-time"},
        "alias_of": {"type": ["object", "null"]},
        "parent": {"type": ["object", "null"]},
        "locale": {"type": "string"},
    }
    return {
        "type": "object",
        "properties": {name: known[name] for name in names},
        "additionalProperties": False,
    }


def item_schema(model):
    return {
        "type": "object",
        "title": model.__name__,
        "properties": {
            "id": {"type": "integer"},
            "meta": page_meta_schema(ItemsAPIViewSet.meta_fields),
            "title": {"type": "string"},
            **api_field_schemas(model),
        },
        "additionalProperties": False,
    }


def page_detail_schema(model):
    return {
        "type": "object",
        "title": model.__name__,
        "properties": {
            "id": {"type": "integer"},
            "meta": page_meta_schema(
                [
                    "type",
                    "detail_url",
                    "html_url",
                    "slug",
                    "show_in_menus",
                    "seo_title",
                    "search_description",
                    "first_published_at",
                    "alias_of",
                    "parent",
                    "locale",
                ]
            ),
            "title": {"type": "string"},
            **api_field_schemas(model),
        },
        "required": ["id", "meta", "title"],
        "additionalProperties": False,
    }


def query_parameter(name, description, schema=None, explode=None):
    parameter = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }
    if explode is not None:
        parameter["explode"] = explode
    return parameter


COMMON_PARAMETERS = [
    query_parameter(
        "fields",
        "Fields to add (`title,body`), remove (`-excerpt`), all (`*`) "
        "or start from none (`_,title`).",
    ),
    query_parameter("limit", "Items per page.", {"type": "integer", "minimum": 0}),
    query_parameter("offset", "Items to skip.", {"type": "integer", "minimum": 0}),
    query_parameter("search", "Full-text search; results come most relevant first."),
    query_parameter("search_operator", "How search terms combine.", {"enum": ["and", "or"]}),
    query_parameter(
        "rich_text_format",
        "Rich text output.",
        {"enum": ["html", "db_html", "markdown", "db_markdown"]},
    ),
]


def items_parameters():
    kinds = sorted(model.kind for model in listable_page_models())
    orderings = [f"{sign}{name}" for name in ORDERINGS for sign in ("-", "")]
    max_limit = partnerships_setting("API_MAX_LIMIT")
    return [
        query_parameter(
            "child_of", "Only the children of this topic (page id).", {"type": "integer"}
        ),
        query_parameter(
            "descendant_of", "Only pages under this page (page id).", {"type": "integer"}
        ),
        query_parameter("kind", f"Comma-separated kinds: {', '.join(kinds)}."),
        query_parameter(
            "tag",
            "Only items with this tag (slug or name); repeat to require several.",
            {"type": "array", "items": {"type": "string"}},
            explode=True,
        ),
        query_parameter(
            "published_after",
            "Publish date on or after (YYYY-MM-DD).",
            {"type": "string", "format": "date"},
        ),
        query_parameter(
            "published_before",
            "Publish date on or before (YYYY-MM-DD).",
            {"type": "string", "format": "date"},
        ),
        query_parameter(
            "upcoming", "Webinars that have not ended (true) or have (false).", {"type": "boolean"}
        ),
        query_parameter(
            "order",
            "Sort order; ties are broken by id.",
            {"enum": orderings, "default": "-publish_date"},
        ),
        query_parameter("cursor", "Opaque position from `meta.next` or `meta.previous`."),
        query_parameter(
            "limit",
            f"Items per page (1 to {max_limit}).",
            {"type": "integer", "minimum": 1, "maximum": max_limit, "default": 20},
        ),
        query_parameter(
            "offset",
            "Page by offset instead of cursor; adds `meta.total_count`.",
            {"type": "integer", "minimum": 0},
        ),
        *[p for p in COMMON_PARAMETERS if p["name"] not in ("limit", "offset")],
    ]


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def standard_responses(ok):
    return {
        "200": ok,
        "304": {"description": "Not modified since the ETag or date you sent."},
        "400": json_response("A parameter is malformed; `message` says which.", ERROR),
    }


def openapi_document(base_url):
    listable = listable_page_models()
    page_models = [model for model in get_page_models() if model is not Page]
    schemas = {
        "Error": {
            "type": "object",
            "properties": {"message": {"type": "string"}},
            "required": ["message"],
        },
        **{f"{model.__name__}Item": item_schema(model) for model in listable},
        **{model.__name__: page_detail_schema(model) for model in page_models},
        "ItemsListing": {
            "type": "object",
            "properties": {
                "meta": {
                    "type": "object",
                    "properties": {
                        "next": NULLABLE_URI,
                        "previous": NULLABLE_URI,
                        "total_count": {"type": "integer"},
                    },
                    "required": ["next", "previous"],
                    "additionalProperties": False,
                },
                "items": {
                    "type": "array",
                    "items": {
                        "anyOf": [
                            {"$ref": f"#/components/schemas/{model.__name__}Item"}
                            for model in listable
                        ]
                    },
                },
            },
            "required": ["meta", "items"],
            "additionalProperties": False,
        },
        "Listing": {
            "type": "object",
            "properties": {
                "meta": {
                    "type": "object",
                    "properties": {"total_count": {"type": "integer"}},
                    "required": ["total_count"],
                },
                "items": {"type": "array", "items": {"type": "object"}},
            },
            "required": ["meta", "items"],
        },
    }
    page_detail = {"anyOf": [{"$ref": f"#/components/schemas/{m.__name__}"} for m in page_models]}
    id_parameter = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
    listing = {"$ref": "#/components/schemas/Listing"}
    not_found = json_response("No such object, or not public.", ERROR)

    def detail(summary, schema):
        return {
            "get": {
                "summary": summary,
                "parameters": [id_parameter],
                "responses": {
                    **standard_responses(json_response("The object.", schema)),
                    "404": not_found,
                },
            }
        }

    def listing_path(summary, extra_parameters=()):
        return {
            "get": {
                "summary": summary,
                "parameters": [*COMMON_PARAMETERS, *extra_parameters],
                "responses": standard_responses(json_response("A page of results.", listing)),
            }
        }

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Topics, news and webinars",
            "version": "2",
            "description": "Wagtail's API v2 plus `/items/`: every news item and webinar "
            "in one listing, each with its own kind's fields. Anonymous responses are "
            "public and cacheable; revalidate with If-None-Match or If-Modified-Since.",
        },
        "servers": [{"url": base_url}],
        "paths": {
            "/items/": {
                "get": {
                    "summary": "News and webinars of every kind, newest first",
                    "parameters": items_parameters(),
                    "responses": standard_responses(
                        json_response(
                            "A page of items.", {"$ref": "#/components/schemas/ItemsListing"}
                        )
                    ),
                }
            },
            "/pages/": listing_path(
                "Pages (Wagtail's listing)",
                [
                    query_parameter("type", "Page type, e.g. partnerships.TopicIndexPage."),
                    query_parameter("child_of", "Children of this page id.", {"type": "integer"}),
                    query_parameter(
                        "descendant_of", "Pages under this page id.", {"type": "integer"}
                    ),
                    query_parameter("order", "A field name, `-field` or `random`."),
                ],
            ),
            "/pages/{id}/": detail("One page with all its fields", page_detail),
            "/pages/find/": {
                "get": {
                    "summary": "Find a page by path and redirect to its detail",
                    "parameters": [query_parameter("html_path", "The page's path on the site.")],
                    "responses": {
                        "302": {"description": "Redirect to the page's detail URL."},
                        "400": json_response("Malformed parameter.", ERROR),
                        "404": not_found,
                    },
                }
            },
            "/images/": listing_path("Images in public collections"),
            "/images/{id}/": detail("One image", {"type": "object"}),
            "/documents/": listing_path("Documents in public collections"),
            "/documents/{id}/": detail("One document", {"type": "object"}),
        },
        "components": {"schemas": schemas},
    }
