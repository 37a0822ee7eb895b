"""The response schemas (components) of `/api/v2/`'s OpenAPI document.

Each kind's item is its own component, `<Model>Item`, titled so: code
generators name types after titles, and a title of `ArticlePage` would clash
with the page detail component of that name. Items are told apart by `kind`
(a `const` per kind and a discriminator), which the listing always includes.
"""

from .field_schemas import NULLABLE_URI, PROPERTY_SCHEMAS, URI, api_field_schemas
from .items import ALWAYS_LISTED, ItemsAPIViewSet

ERROR = {"$ref": "#/components/schemas/Error"}
PAGE_DETAIL_META = [
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
REMOVABLE = (
    "`fields` can remove any of these properties (`fields=_` leaves none), so only "
    "what no `fields` value removes is required."
)


def model_label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def page_meta_schema(names, model):
    """`meta` of a page of `model`: its `type` is that model's own label."""
    known = {
        "type": {"const": model_label(model), "type": "string"},
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


def item_component_name(model):
    return f"{model.__name__}Item"


def item_schema(model):
    properties = {
        "id": {"type": "integer"},
        "meta": page_meta_schema(ItemsAPIViewSet.meta_fields, model),
        "title": {"type": "string"},
        **api_field_schemas(model),
    }
    properties["kind"] = {**PROPERTY_SCHEMAS["kind"], "const": model.kind}
    return {
        "type": "object",
        "title": item_component_name(model),
        "description": f"One item of kind `{model.kind}` in `/items/`. {REMOVABLE} "
        f"`{'`, `'.join(ALWAYS_LISTED)}` is always there: it tells the kinds apart.",
        "properties": properties,
        "required": list(ALWAYS_LISTED),
        "additionalProperties": False,
    }


def page_detail_schema(model):
    return {
        "type": "object",
        "title": model.__name__,
        "description": f"A page of type `{model_label(model)}`. {REMOVABLE} Without `fields` "
        "a detail has `id`, `meta`, `title` and every field of its type.",
        "properties": {
            "id": {"type": "integer"},
            "meta": page_meta_schema(PAGE_DETAIL_META, model),
            "title": {"type": "string"},
            **api_field_schemas(model),
        },
        "additionalProperties": False,
    }


def items_listing_schema(listable):
    refs = {model.kind: f"#/components/schemas/{item_component_name(model)}" for model in listable}
    return {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {
                    "next": NULLABLE_URI,
                    "previous": NULLABLE_URI,
                    "total_count": {
                        "type": "integer",
                        "description": "With `offset` or `search` only.",
                    },
                },
                "required": ["next", "previous"],
                "additionalProperties": False,
            },
            "items": {
                "type": "array",
                "items": {
                    "oneOf": [{"$ref": ref} for ref in refs.values()],
                    "discriminator": {"propertyName": "kind", "mapping": refs},
                },
            },
        },
        "required": ["meta", "items"],
        "additionalProperties": False,
    }


def component_schemas(listable, page_models):
    return {
        "Error": {
            "type": "object",
            "properties": {"message": {"type": "string"}},
            "required": ["message"],
        },
        **{item_component_name(model): item_schema(model) for model in listable},
        **{model.__name__: page_detail_schema(model) for model in page_models},
        "ItemsListing": items_listing_schema(listable),
        "Listing": {
            "type": "object",
            "properties": {
                "meta": {
                    "type": "object",
                    "properties": {"total_count": {"type": "integer"}},
                    "required": ["total_count"],
                },
                "items": {
                    "type": "array",
                    "items": {"type": "object", "additionalProperties": True},
                },
            },
            "required": ["meta", "items"],
        },
    }
