"""The plugin's page types in v3's content-type registry, every API field typed.

Wagtail generates a read schema per page type from its `api_fields`, but types
a model property as `Any` and a DRF serializer field from its return
annotation, rendering it without a DRF context (which our serializers need
for the request). Here each such field gets the JSON Schema defined once in
`partnerships.api.field_schemas`, and a resolver that renders it with our
serializer and django-ninja's request. A kind a host adds is a ListablePage,
so it is typed the same way with no change here.
"""

import copy
import sys
from dataclasses import replace
from typing import Annotated, Any

from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.functional import Promise
from pydantic import BeforeValidator, WithJsonSchema
from wagtail.api import APIField
from wagtail.api.v3.registry import registry
from wagtail.api.v3.schemas.generators import read_generator
from wagtail.models import get_page_models

from ...models import ListablePage
from ..field_schemas import field_schema
from ..serializers import RecentItemsField, RenderedField


def v3_detail_path(page):
    return reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})


def plain(value):
    """Lazy translations (a kind's label) as the strings they stand for."""
    return str(value) if isinstance(value, Promise) else value


def typed(schema):
    """A field whose OpenAPI type is `schema`, as written in field_schemas."""
    return Annotated[Any, BeforeValidator(plain), WithJsonSchema(schema)]


def rendered_by(api_field):
    """A ninja resolver: the field as our serializer renders it, for ninja's request."""
    serializer = copy.deepcopy(api_field.serializer)  # the model's own is bound to v2
    serializer.bind(field_name=api_field.name, parent=None)
    extra = {"detail_path": v3_detail_path} if isinstance(serializer, RecentItemsField) else {}

    def resolve(obj, context):
        value = serializer.get_attribute(obj)
        if value is None:
            return None
        return serializer.render(value, context["request"], **extra)

    return staticmethod(resolve)


def is_model_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def typed_fields(model, names=None):
    """{name: (annotation, default, resolver)} for the fields Wagtail would leave untyped.

    Those are our serializer fields and model properties; database fields keep
    the types Wagtail's generator gives them. `names` limits the fields.
    """
    fields = {}
    for api_field in APIField.get_fields_for_model(model):
        if names is not None and api_field.name not in names:
            continue
        schema = field_schema(model, api_field)
        if isinstance(api_field.serializer, RenderedField):
            fields[api_field.name] = (typed(schema), None, rendered_by(api_field))
        elif api_field.serializer is None and schema and not is_model_field(model, api_field.name):
            fields[api_field.name] = (typed(schema), None, None)
    return fields


def is_ours(model):
    """The plugin's page types and the kinds hosts add: a property like `kind` means ours."""
    return issubclass(model, ListablePage) or model._meta.app_label == "partnerships"


PAGES_ROUTER = "wagtail.api.v3.routers.pages"
# Whether the pages router was imported first (an app above ours in INSTALLED_APPS
# imported v3's api): then it serves Wagtail's schemas, and a system check says so.
loading = {"too_late": False}


def register_read_schemas():
    """Replace Wagtail's generated read schema of each of our page types with a typed one.

    Must run before `wagtail.api.v3.routers.pages` is imported: it builds the
    pages detail response from the registry on import.
    """
    loading["too_late"] = PAGES_ROUTER in sys.modules
    for model in get_page_models():
        registration = registry.get(model._meta.label)
        fields = typed_fields(model) if is_ours(model) else {}
        if registration is None or registration.read_schema is None or not fields:
            continue
        schema = read_generator.extend_schema(
            registration.read_schema, registration.read_schema.__name__, fields
        )
        registry.register(replace(registration, read_schema=schema))
