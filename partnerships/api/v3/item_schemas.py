"""`/api/v3/items/`'s item schemas: one per kind, a union discriminated by `kind`.

Each kind's schema holds the fields v2's listing shows by default
(`ItemsAPIViewSet.get_listing_default_fields`), built from the kind's
`api_fields`: database fields typed by django-ninja, the rest by
`schemas.typed_fields` (the JSON Schema of field_schemas). `kind` is the
kind's own constant, so a client (and the OpenAPI `discriminator`) can tell
the kinds apart; a kind a host adds joins the union by being installed.
"""

import functools
from datetime import datetime
from typing import Annotated, Literal, Union

from ninja import Schema
from ninja.orm import create_schema
from pydantic import Field
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v3.schemas.generators import read_generator

from ...models import listable_page_models
from ..items import ItemsAPIViewSet
from .schemas import is_model_field, typed_fields, v3_detail_path


class ItemMetaSchema(Schema):
    type: str
    detail_url: str
    html_url: str | None
    slug: str
    first_published_at: datetime | None

    @staticmethod
    def resolve_type(obj, context):
        return obj._meta.label

    @staticmethod
    def resolve_detail_url(obj, context):
        return get_full_url(context["request"], v3_detail_path(obj))

    @staticmethod
    def resolve_html_url(obj, context):
        return obj.get_full_url(context["request"])


class ItemSchema(Schema):
    id: int
    title: str
    meta: ItemMetaSchema

    @staticmethod
    def resolve_meta(obj):
        return obj  # the meta schema's resolvers read the page itself


def listing_field_names(model):
    shown = set(ItemsAPIViewSet.get_listing_default_fields(model)) - {"id", "title"}
    return [field.name for field in APIField.get_fields_for_model(model) if field.name in shown]


def item_schema(model):
    names = listing_field_names(model)
    extra = typed_fields(model, names)
    database = [name for name in names if name not in extra and is_model_field(model, name)]
    name = f"{model._meta.object_name}Item"
    base = create_schema(model, name=f"{name}Base", fields=database, base_class=ItemSchema)
    extra["kind"] = (Literal[model.kind], ..., None)
    return read_generator.extend_schema(base, name, extra)


@functools.cache
def item_schemas():
    """{kind model: its item schema}, for every installed kind."""
    return {model: item_schema(model) for model in listable_page_models()}


def schema_for(item):
    schemas = item_schemas()
    return next(schemas[model] for model in type(item).__mro__ if model in schemas)


def item_union():
    members = tuple(item_schemas().values())
    if len(members) == 1:
        return members[0]
    return Annotated[Union[members], Field(discriminator="kind")]  # noqa: UP007


def render_item(item, request):
    return (
        schema_for(item).model_validate(item, context={"request": request}).model_dump(mode="json")
    )
