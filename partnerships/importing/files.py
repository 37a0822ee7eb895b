"""Items from a CSV or JSON file (the format is documented in the README)."""

import csv
import datetime
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from ..models import listable_page_models
from ..validators import check_plain_text, multiline_text, single_line_text
from .items import ItemData

FIELDS = {
    "kind",
    "title",
    "slug",
    "publish_date",
    "summary",
    "body",
    "tags",
    "starts_at",
    "ends_at",
    "registration_url",
    "recording_url",
}


class ImportFileError(ValueError):
    """The file cannot be imported; the message says where and why."""


def items_from_file(path):
    """Every item in the file, checked; raises ImportFileError naming the bad record."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        records = _csv_records(path)
    elif suffix == ".json":
        records = _json_records(path)
    else:
        raise ImportFileError(f"{path}: give a .csv or .json file, not {suffix or 'no suffix'}")
    try:
        for number, record in records:
            try:
                yield item_from_record(record)
            except (ValueError, TypeError, KeyError) as error:
                raise ImportFileError(f"{path}, record {number}: {error}") from None
    except (UnicodeError, csv.Error) as error:
        raise ImportFileError(f"{path}: cannot read it as UTF-8 CSV ({error})") from None


def _csv_records(path):
    with path.open(newline="", encoding="utf-8-sig") as file:
        reader = csv.DictReader(file)
        for number, row in enumerate(reader, start=1):
            record = {key: value for key, value in row.items() if key and value}
            if "tags" in record:
                record["tags"] = record["tags"].split(";")
            yield number, record


def _json_records(path):
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeError) as error:
        raise ImportFileError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(records, list):
        raise ImportFileError(f"{path}: expected a JSON list of items")
    yield from enumerate(records, start=1)


def item_from_record(record):
    if not isinstance(record, dict):
        raise TypeError("an item must be an object")
    unknown = set(record) - FIELDS
    if unknown:
        raise ValueError(f"unknown fields: {', '.join(sorted(unknown))}")
    kinds = {model.kind for model in listable_page_models()}
    kind = record.get("kind", "")
    if kind not in kinds:
        raise ValueError(f"kind must be one of {', '.join(sorted(kinds))}, not {kind!r}")
    title = str(record.get("title", "")).strip()
    if not title:
        raise ValueError("title is required")
    slug = slugify(record.get("slug") or title)[:255]
    if not slug:
        raise ValueError("slug is empty")
    webinar_times = {}
    if kind == "webinar":
        starts_at = _datetime(record, "starts_at")
        ends_at = _datetime(record, "ends_at")
        if ends_at <= starts_at:
            raise ValueError("ends_at must be after starts_at")
        webinar_times = {"starts_at": starts_at, "ends_at": ends_at}
    tags = record.get("tags", [])
    if not isinstance(tags, list):
        raise TypeError("tags must be a list")
    body = str(record.get("body", ""))
    item = ItemData(
        kind=kind,
        title=title,
        slug=slug,
        publish_date=datetime.date.fromisoformat(str(record.get("publish_date", ""))),
        summary=str(record.get("summary", "")).strip(),
        paragraphs=tuple(p.strip() for p in body.split("\n\n") if p.strip()),
        tags=tuple(str(tag).strip() for tag in tags if str(tag).strip()),
        registration_url=str(record.get("registration_url", "")),
        recording_url=str(record.get("recording_url", "")),
        **webinar_times,
    )
    check_item(item)
    return item


def check_item(item):
    """The rules the admin enforces, from the kind's own model: raises ValueError naming the field.

    The page is built unsaved, and only the fields the item fills are checked.
    """
    model = next(model for model in listable_page_models() if model.kind == item.kind)
    values = {
        name: getattr(item, name)
        for name in ("title", "summary", "registration_url", "recording_url")
        if hasattr(model, name) and getattr(item, name)
    }
    page = model(**values)
    problems = {}
    try:
        page.clean_fields(exclude=[f.name for f in model._meta.fields if f.name not in values])
    except ValidationError as error:
        problems.update(error.message_dict)
    try:
        check_plain_text(page)
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


def _datetime(record, name):
    value = datetime.datetime.fromisoformat(str(record.get(name, "")))
    if value.tzinfo is None:
        raise ValueError(f"{name} needs a time zone offset, e.g. 2025-03-04T15:00:00-05:00")
    return value
