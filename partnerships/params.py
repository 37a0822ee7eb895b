"""The one reader of query strings, for every surface: HTML pages, feeds, search and the APIs.

One rule decides between 400 and 404. A value that cannot be read, or that
names nothing there is (a kind, a topic), is a bad request: `BadParameter`,
a 400 whose message says what would work. A page number that is a whole
number but past the end of a listing is "not found": the surface raises 404.

Each surface says it in its own format: a JSON body from the APIs, plain
text from feeds, its own template on HTML pages.
"""

import datetime

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from .models.kinds import kinds_by_name

# Larger offsets overflow the database's 64-bit OFFSET; nobody pages that far.
MAX_OFFSET = 1_000_000
# Deeper pages of a topic would make the database skip more rows than anyone reads.
MAX_PAGE_NUMBER = 100_000
MULTI_VALUED = frozenset({"tag"})
# Each tag is a condition of its own, as `tag=` repeated or as Wagtail's
# comma-separated `tags=` field filter: a few are all a reader combines, and
# hundreds cost the database seconds to plan.
MAX_TAGS = 10
# No parameter needs more: a `fields=` list of every field is a few hundred characters.
MAX_VALUE_LENGTH = 1000


class BadParameter(ValueError):
    """A query-string value we cannot use (a 400); the message says what would work."""


def reject_malformed(query):
    """NUL bytes (PostgreSQL rejects them), repeats, and values too long or too many to be real."""
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadParameter(
                _("%(name)s: NUL characters are not allowed") % {"name": name.replace("\x00", "")}
            )
        if len(values) > 1 and name not in MULTI_VALUED:
            raise BadParameter(_("%(name)s: give this parameter once") % {"name": name})
        if len(values) > MAX_TAGS:
            raise BadParameter(
                _("%(name)s: give this parameter at most %(most)d times")
                % {"name": name, "most": MAX_TAGS}
            )
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            raise BadParameter(
                _("%(name)s: at most %(most)d characters")
                % {"name": name, "most": MAX_VALUE_LENGTH}
            )
    if query.get("tags", "").count(",") >= MAX_TAGS:
        raise BadParameter(_("tags: give at most %(most)d tags") % {"most": MAX_TAGS})


def parse_int(query, name, default, minimum=0, maximum=None):
    raw = query.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < minimum:
        raise BadParameter(
            _("%(name)s must be a whole number of %(minimum)d or more")
            % {"name": name, "minimum": minimum}
        )
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadParameter(
            _("%(name)s cannot be higher than %(maximum)d") % {"name": name, "maximum": maximum}
        )
    return value


def parse_page_number(query, name="page"):
    """`?page=3` as 3 (1 when absent); None for a whole number no listing has (a 404)."""
    raw = query.get(name, "1")
    if not raw.isascii() or not raw.isdigit():
        raise BadParameter(_("%(name)s must be a whole number, such as 2") % {"name": name})
    number = int(raw)
    return number if 1 <= number <= MAX_PAGE_NUMBER else None


def parse_date(query, name):
    raw = query.get(name)
    if raw is None:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(_("%(name)s must be a date like 2021-11-11") % {"name": name}) from None


def parse_bool(query, name):
    raw = query.get(name)
    if raw is None:
        return None
    if raw.lower() in ("true", "1", "yes"):
        return True
    if raw.lower() in ("false", "0", "no"):
        return False
    raise BadParameter(_("%(name)s must be true or false") % {"name": name})


def parse_page_id(query, name):
    raw = query.get(name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        raise BadParameter(_("%(name)s must be a page id") % {"name": name})
    return int(raw)


def parse_kinds(query, name="kind", several=False):
    """`?kind=news` (or `news,webinar` where `several`) as kind names; None when absent."""
    raw = query.get(name)
    if raw is None or (raw == "" and not several):
        return None
    kinds = raw.split(",") if several else [raw]
    known = sorted(kinds_by_name())
    unknown = [kind for kind in kinds if kind not in known]
    if unknown or "" in kinds:
        raise BadParameter(
            _("There is no kind called “%(kinds)s”. Use one of: %(known)s.")
            % {"kinds": "”, “".join(unknown or [""]), "known": ", ".join(known)}
        )
    return kinds


def bad_parameter_response(error):
    """A 400 in plain text, for surfaces without a page of their own (feeds, calendars)."""
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
