"""What `POST /api/v3/pages/` and `PATCH` accept for each kind of listable page.

Wagtail generates a kind's create and patch schemas from its `api_fields`
marked `writable=True`; ours are read-only (they shape API v2 too), so the
generated schemas hold only Page's own fields, and a webinar created through
them lacks its times (a NOT NULL error, a 500). These schemas add the fields an
editor fills in the admin: the listing fields and the kind's own plain fields,
those of a kind a host adds among them. Wagtail binds them to
the kind's admin form, so the admin's rules (the model's `clean()`) decide.
"""

from wagtail.api.v3.schemas import create_generator, patch_generator
from wagtail.api.v3.schemas.pages import (
    BASE_PAGE_FIELDS,
    PageCreateBaseSchema,
    PageUpdateBaseSchema,
)
from wagtail.fields import StreamField

# Every kind shows these in its "In lists" panel; tags and the image need
# shapes of their own, and are left to the admin for now.
LISTING_FIELDS = ("publish_date", "summary")


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


def create_schema(kind):
    return create_generator.generate_schema(
        kind,
        base_class=PageCreateBaseSchema,
        fields=writable_fields(kind),
        required_fields=required_fields(kind),
    )


def patch_schema(kind):
    return patch_generator.generate_schema(
        kind, base_class=PageUpdateBaseSchema, fields=writable_fields(kind)
    )
