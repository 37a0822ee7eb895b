"""One record of a file as an item, checked by its kind's own rules.

The columns are the fields every kind has, plus each kind's `import_fields`
(a webinar's times and links), read by the model's own fields. A record the
admin would refuse is refused here with the same message, naming its field.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models.kinds import kinds_by_name
from ..validators import multiline_text, single_line_text
from .items import ItemData

COMMON_FIELDS = ("kind", "title", "slug", "publish_date", "summary", "body", "tags")


def import_columns():
    """Every column a file may have: the common ones and each kind's own."""
    kind_fields = [name for model in kinds_by_name().values() for name in model.import_fields]
    return [*COMMON_FIELDS, *dict.fromkeys(kind_fields)]


def item_from_record(record):
    if not isinstance(record, dict):
        raise TypeError(_("an item must be an object"))
    unknown = set(record) - set(import_columns())
    if unknown:
        raise ValueError(_("unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    kinds = kinds_by_name()
    kind = record.get("kind", "")
    if kind not in kinds:
        raise ValueError(
            _("kind must be one of %(kinds)s, not %(kind)r")
            % {"kinds": ", ".join(sorted(kinds)), "kind": kind}
        )
    model = kinds[kind]
    foreign = set(record) - {*COMMON_FIELDS, *model.import_fields}
    if foreign:
        raise ValueError(
            _("%(fields)s: not a field of %(kind)s")
            % {"fields": ", ".join(sorted(foreign)), "kind": kind}
        )
    title = str(record.get("title", "")).strip()
    if not title:
        raise ValueError(_("title is required"))
    slug = slugify(record.get("slug") or title)[:255]
    if not slug:
        raise ValueError(_("slug is empty"))
    tags = record.get("tags", [])
    if not isinstance(tags, list):
        raise TypeError(_("tags must be a list"))
    body = str(record.get("body", ""))
    item = ItemData(
        kind=kind,
        title=title,
        slug=slug,
        publish_date=datetime.date.fromisoformat(str(record.get("publish_date", ""))),
        summary=str(record.get("summary", "")).strip(),
        paragraphs=tuple(p.strip() for p in body.split("\n\n") if p.strip()),
        tags=tuple(str(tag).strip() for tag in tags if str(tag).strip()),
        fields=kind_values(model, record),
    )
    check_item(model, item)
    return item


def kind_values(model, record):
    """The kind's own fields from the record, read as the model's fields read them."""
    values = {}
    for name in model.import_fields:
        field = model._meta.get_field(name)
        raw = record.get(name)
        if raw in (None, ""):
            if not field.blank:
                raise ValueError(_("%(name)s is required") % {"name": name})
            continue
        value = field.to_python(str(raw))
        if isinstance(field, models.DateTimeField) and value.tzinfo is None:
            raise ValueError(
                _("%(name)s needs a time zone offset, e.g. 2025-03-04T15:00:00-05:00")
                % {"name": name}
            )
        values[name] = value
    return values


def check_item(model, item):
    """The model's rules for what the item says, on an unsaved page; ValueError names the field."""
    values = {"title": item.title, "summary": item.summary, "publish_date": item.publish_date}
    values = {name: value for name, value in values.items() if value} | item.fields
    page = model(**values)
    problems = {}
    try:
        page.clean_fields(exclude=[f.name for f in model._meta.fields if f.name not in values])
        page.clean_content()
    except ValidationError as error:
        problems.update(error.message_dict)
    for name, texts, rule in (
        ("tags", item.tags, single_line_text),
        ("body", item.paragraphs, multiline_text),
    ):
        for text in texts:
            try:
                rule(text)
            except ValidationError as error:
                problems.setdefault(name, error.messages)
    if problems:
        raise ValueError(
            "; ".join(f"{name}: {' '.join(messages)}" for name, messages in problems.items())
        )
