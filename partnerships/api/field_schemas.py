"""The JSON Schema of each API field, defined once for both APIs.

`/api/v2/schema.json` (schema.py) and the typed models of `/api/v3/` read a
field's schema here: a serializer that knows its shape says so with a `schema`
attribute (serializers.py); a model property is described below; a database
field's schema follows from its class. A kind a host adds is described by its
own fields, with no change here.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField

URI = {"type": "string", "format": "uri"}
NULLABLE_URI = {"type": ["string", "null"], "format": "uri"}
STREAM_SCHEMA = {
    "type": "array",
    "description": "StreamField blocks; rich text is HTML unless `rich_text_format` "
    "says otherwise.",
    "items": {
        "type": "object",
        "properties": {"type": {"type": "string"}, "value": {}, "id": {"type": "string"}},
        "required": ["type", "value"],
    },
}
# Model attributes that are not database fields.
PROPERTY_SCHEMAS = {
    "kind": {"type": "string", "description": "Machine name of the kind, e.g. news, webinar."},
    "kind_label": {"type": "string", "description": "The kind as readers see it, e.g. News."},
    "is_upcoming": {"type": "boolean", "description": "True until the webinar has ended."},
}
FIELD_SCHEMAS = [
    # Most specific classes first: DateTimeField is a DateField, URLField a CharField.
    (StreamField, STREAM_SCHEMA),
    (RichTextField, {"type": "string", "description": "HTML"}),
    (models.DateTimeField, {"type": "string", "format": "date-time"}),
    (models.DateField, {"type": "string", "format": "date"}),
    (models.URLField, {"type": "string"}),
    (models.BooleanField, {"type": "boolean"}),
    (models.IntegerField, {"type": "integer"}),
    (models.CharField, {"type": "string"}),
    (models.TextField, {"type": "string"}),
]


def field_schema(model, api_field):
    serializer = api_field.serializer
    if serializer is not None and hasattr(serializer, "schema"):
        return serializer.schema
    if api_field.name in PROPERTY_SCHEMAS:
        return PROPERTY_SCHEMAS[api_field.name]
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        return {}
    for field_class, schema in FIELD_SCHEMAS:
        if isinstance(field, field_class):
            if getattr(field, "null", False) and "type" in schema:
                return {**schema, "type": [schema["type"], "null"]}
            return schema
    return {}


def api_field_schemas(model):
    return {
        field.name: field_schema(model, field) for field in APIField.get_fields_for_model(model)
    }
