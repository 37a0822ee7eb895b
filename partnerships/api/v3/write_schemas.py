"""What `POST /api/v3/pages/` and `PATCH` accept for each kind of listable page.

Wagtail generates a kind's create and patch schemas from its `api_fields`
marked `writable=True`; ours are read-only (they shape API v2 too), so the
generated schemas hold only Page's own fields, and a webinar created through
them lacks its times (a NOT NULL error, a 500). These schemas add the fields an
editor fills in the admin: the listing fields and the kind's own plain fields
(`import_fields`, the ones a spreadsheet import fills). Wagtail binds them to
the kind's admin form, so the admin's rules (the model's `clean()`) decide.
"""

from wagtail.api.v3.schemas import create_generator, patch_generator
from wagtail.api.v3.schemas.pages import (
    BASE_PAGE_FIELDS,
    PageCreateBaseSchema,
    PageUpdateBaseSchema,
)

# Every kind shows these in its "In lists" panel; tags and the image need
# shapes of their own, and are left to the admin for now.
LISTING_FIELDS = ("publish_date", "summary")


def writable_fields(kind):
    return [*BASE_PAGE_FIELDS, *LISTING_FIELDS, *kind.import_fields]


def required_fields(kind):
    """Title, and what the database cannot do without (a webinar's times)."""
    own = [
        name
        for name in kind.import_fields
        if not kind._meta.get_field(name).blank and not kind._meta.get_field(name).has_default()
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
