"""What `POST /api/v3/pages/` and `PATCH` accept for each kind of listable page.

Wagtail generates a kind's create and patch schemas from its `api_fields`
marked `writable=True`; ours are read-only (they shape API v2 too), so the
generated schemas hold only Page's own fields, and a webinar created through
them lacks its times (a NOT NULL error, a 500). These schemas add the fields an
editor fills in the admin: the listing fields and the kind's own plain fields,
those of a kind a host adds among them. Wagtail binds them to
the kind's admin form, so the admin's rules (the model's `clean()`) decide.
"""

from django import forms
from pydantic import Field
from wagtail.api.v3.schemas import create_generator, patch_generator
from wagtail.api.v3.schemas.pages import (
    BASE_PAGE_FIELDS,
    PageCreateBaseSchema,
    PageUpdateBaseSchema,
)
from wagtail.fields import StreamField

# Every kind shows these in its "In lists" panel. The image and the body need
# shapes of their own, and are left to the admin for now.
LISTING_FIELDS = ("publish_date", "summary")
# Listing fields whose shape is the one Wagtail's generator registers for their
# field class (tags: a list of names, bound to the admin's tag field as the
# edit string it parses). Wagtail only applies it to `APIField(writable=True)`,
# and ours are read-only: their serializers shape v2's output.
SHAPED_LISTING_FIELDS = ("tags",)


def own_plain_fields(kind):
    """The kind's own columns an editor fills in: not the link to the shared table,
    nor a StreamField (a body's blocks need a shape of their own)."""
    return [
        field
        for field in kind._meta.local_fields
        if field.editable and not field.is_relation and not isinstance(field, StreamField)
    ]


def writable_fields(kind):
    return [*BASE_PAGE_FIELDS, *LISTING_FIELDS, *(field.name for field in own_plain_fields(kind))]


def required_fields(kind):
    """Title, and what the database cannot do without (a webinar's times)."""
    own = [
        field.name
        for field in own_plain_fields(kind)
        if not field.blank and not field.has_default()
    ]
    return ("title", *own)


def shaped_fields(generator, kind):
    """{name: (annotation, default)} of SHAPED_LISTING_FIELDS, by Wagtail's field schemas."""
    fields = {}
    for name in SHAPED_LISTING_FIELDS:
        model_field = kind._meta.get_field(name)
        shape = next(
            generator.field_schemas[cls]
            for cls in type(model_field).mro()
            if cls in generator.field_schemas
        )
        annotation, default = shape(generator, model_field)
        # A patch that leaves a field out leaves it as it is.
        fields[name] = (annotation | None, None) if generator.for_update else (annotation, default)
    return fields


def confirmation_fields(kind):
    """{name: (bool, no)} for each yes/no question the kind's admin form asks before saving.

    A webinar's form asks to confirm times that look like a mistake (a start at
    the moment of saving, a webinar of several days); a program writing through
    the API answers the same question with `"confirm_times": true`. The form
    declares them, so a host's kind with questions of its own needs nothing here.
    """
    form_class = getattr(kind, "base_form_class", None)
    declared = getattr(form_class, "declared_fields", {})
    model_fields = {field.name for field in kind._meta.get_fields()}
    return {
        name: (bool, Field(False, description=str(field.help_text or field.label)))
        for name, field in declared.items()
        if isinstance(field, forms.BooleanField) and name not in model_fields
    }


def with_fields(schema, fields):
    """`schema` with `fields` added, as Wagtail's generator adds its extra fields."""
    namespace = {"__annotations__": {name: annotation for name, (annotation, _) in fields.items()}}
    namespace.update({name: default for name, (_, default) in fields.items()})
    return type(schema)(schema.__name__, (schema,), namespace)


def create_schema(kind):
    schema = create_generator.generate_schema(
        kind,
        base_class=PageCreateBaseSchema,
        fields=writable_fields(kind),
        required_fields=required_fields(kind),
    )
    return with_fields(schema, shaped_fields(create_generator, kind) | confirmation_fields(kind))


def patch_schema(kind):
    schema = patch_generator.generate_schema(
        kind, base_class=PageUpdateBaseSchema, fields=writable_fields(kind)
    )
    return with_fields(schema, shaped_fields(patch_generator, kind) | confirmation_fields(kind))
