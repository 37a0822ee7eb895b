"""Items from a CSV or JSON file (the format is documented in the README)."""

import csv
import json
from pathlib import Path

from .records import item_from_record


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
