"""Strict parsing of query strings: every bad value is a 400 with a message, never a 500."""

import datetime

from wagtail.api.v2.utils import BadRequestError

# Larger offsets overflow the database's 64-bit OFFSET; nobody pages that far.
MAX_OFFSET = 1_000_000
MULTI_VALUED = frozenset({"tag"})
# Each tag is a condition of its own, as `tag=` repeated or as Wagtail's
# comma-separated `tags=` field filter: a few are all a reader combines, and
# hundreds cost the database seconds to plan.
MAX_TAGS = 10
# No parameter needs more: a `fields=` list of every field is a few hundred characters.
MAX_VALUE_LENGTH = 1000


def reject_malformed(query_dict):
    """NUL bytes (PostgreSQL rejects them), repeats, and values too long or too many to be real."""
    for name, values in query_dict.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError(f"{name.replace(chr(0), '')}: NUL characters are not allowed")
        if len(values) > 1 and name not in MULTI_VALUED:
            raise BadRequestError(f"{name}: give this parameter once")
        if len(values) > MAX_TAGS:
            raise BadRequestError(f"{name}: give this parameter at most {MAX_TAGS} times")
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            raise BadRequestError(f"{name}: at most {MAX_VALUE_LENGTH} characters")
    tags = query_dict.get("tags", "")
    if tags.count(",") >= MAX_TAGS:
        raise BadRequestError(f"tags: give at most {MAX_TAGS} tags")


def parse_int(query_dict, name, default, minimum=0, maximum=None):
    raw = query_dict.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit():
        raise BadRequestError(f"{name} must be a whole number of {minimum} or more")
    value = int(raw)
    if value < minimum:
        raise BadRequestError(f"{name} must be a whole number of {minimum} or more")
    if maximum is not None and value > maximum:
        raise BadRequestError(f"{name} cannot be higher than {maximum}")
    return value


def parse_date(query_dict, name):
    raw = query_dict.get(name)
    if raw is None:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise BadRequestError(f"{name} must be a date like 2021-11-11") from None


def parse_bool(query_dict, name):
    raw = query_dict.get(name)
    if raw is None:
        return None
    if raw.lower() in ("true", "1", "yes"):
        return True
    if raw.lower() in ("false", "0", "no"):
        return False
    raise BadRequestError(f"{name} must be true or false")


def parse_page_id(query_dict, name):
    raw = query_dict.get(name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        raise BadRequestError(f"{name} must be a page id")
    return int(raw)
