"""API v3's requests checked for values no database takes, before Wagtail's code reads them.

Stock Wagtail 8.0.1 answers 500 to `?offset=19993971855033073664` (past the
database's 64-bit OFFSET), to a page id or `child_of` past 2**63 (SQLite
cannot bind it), and to NUL characters (PostgreSQL refuses them in text).
The plugin's v2 endpoints refuse these with a 400 (`partnerships.params`);
here each v3 view is wrapped to do the same, in v3's own problem format:
a query string it cannot use is a 400, a body a 422, and a page id no page
can have a 404; `search` reaches Wagtail as its words only. A JSON body that
is not an object (Wagtail's create endpoint fails on `[]`) is a 422 too.
Anything within bounds goes on to Wagtail's own validation.
"""

import functools
import json
import re

from django.core.exceptions import FieldDoesNotExist
from django.db import DataError
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import problem_response

from ...params import MAX_OFFSET, MAX_VALUE_LENGTH
from ...search.terms import search_words

# The largest integer a database column or OFFSET holds.
LARGEST_INTEGER = 2**63 - 1
# An integer as pydantic reads one from a string: " +1_000 ", "12.0".
INTEGER_TEXT = re.compile(r"\s*[+-]?([0-9_]+)(?:\.0*)?\s*")
# `site=host[:port]`, as Wagtail's site filter splits it: a port that is no
# number (`site=:`, `site=example.org:x`) is a ValueError there, a 500.
SITE_PARAMETER = re.compile(r"[^:]*(?::[0-9]{1,5})?")


def too_large(text):
    """Whether `text`, or a part of a comma-separated list, is an integer no column holds."""
    for part in text.split(","):
        match = INTEGER_TEXT.fullmatch(part)
        if match and int(match.group(1).replace("_", "") or "0") > LARGEST_INTEGER:
            return True
    return False


def query_problem(query):
    for name, values in query.lists():
        for value in values:
            if "\x00" in name or "\x00" in value:
                return _("%(name)s: NUL characters are not allowed") % {
                    "name": name.replace("\x00", "")
                }
            if len(value) > MAX_VALUE_LENGTH:
                return _("%(name)s: at most %(most)d characters") % {
                    "name": name,
                    "most": MAX_VALUE_LENGTH,
                }
            if too_large(value):
                return _("%(name)s is too large") % {"name": name}
    if "site" in query and not SITE_PARAMETER.fullmatch(query["site"]):
        return _("site must be a host name, optionally with :port")
    offset = INTEGER_TEXT.fullmatch(query.get("offset", ""))
    if offset and int(offset.group(1).replace("_", "") or "0") > MAX_OFFSET:
        return _("offset cannot be higher than %(maximum)d") % {"maximum": MAX_OFFSET}
    return None


def words_searched(query):
    """`query` with `search` reduced to its words, as the plugin's v2 does (`search_filter`).

    Wagtail's v3 hands `search` to the backend as typed: on SQLite a query of
    spaces (`?search=+`) is a 500 (`'NoneType' object has no attribute
    'as_sql'`), and on pages a quote is an FTS5 syntax error. Words only, the
    backend answers; a query with no words is "", which finds nothing.
    """
    if "search" not in query:
        return query
    words = search_words(query["search"])
    if words == query["search"]:
        return query
    query = query.copy()
    query["search"] = words
    return query


def body_problems(value, loc=("body",)):
    """(location, message) of each integer or string in a JSON body that no column holds."""
    if value is NO_BODY:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from body_problems(key, loc)
            yield from body_problems(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from body_problems(item, (*loc, index))
    elif isinstance(value, bool):
        return
    elif isinstance(value, int) and abs(value) > LARGEST_INTEGER:
        yield loc, _("This number is too large.")
    elif isinstance(value, str) and "\x00" in value:
        yield loc, _("NUL characters are not allowed.")


# No JSON body to check (JSON's own `null` is one, and not an object).
NO_BODY = object()


def json_body(request):
    if request.content_type != "application/json" or not request.body:
        return NO_BODY
    try:
        return json.loads(request.body)
    except (ValueError, RecursionError):
        return NO_BODY  # Ninja answers what it cannot parse.


def bounded(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if any(isinstance(value, int) and value > LARGEST_INTEGER for value in kwargs.values()):
            return problem_response(status=404, detail=_("Not found"))
        problem = query_problem(request.GET)
        if problem:
            return problem_response(status=400, detail=problem)
        request.GET = words_searched(request.GET)
        body = json_body(request)
        errors = [
            {"type": "value_error", "loc": list(loc), "msg": message}
            for loc, message in body_problems(body)
        ]
        if body is not NO_BODY and not isinstance(body, dict):
            # Every v3 body is an object; Wagtail's schema for pages fails on others.
            errors.append({"type": "dict_type", "loc": ["body"], "msg": _("Send a JSON object.")})
        if errors:
            return problem_response(status=422, detail="Validation failed", errors=errors)
        return view(request, *args, **kwargs)

    return wrapper


def bounded_urlpatterns(patterns):
    """Each view under `patterns` wrapped by `bounded`, names and converters kept."""
    return [
        URLResolver(
            entry.pattern,
            bounded_urlpatterns(entry.url_patterns),
            entry.default_kwargs,
            entry.app_name,
            entry.namespace,
        )
        if isinstance(entry, URLResolver)
        else URLPattern(entry.pattern, bounded(entry.callback), entry.default_args, entry.name)
        for entry in patterns
    ]


def register_backstop(api):
    """What gets past the checks above still answers 400, as the plugin's v2 does.

    Wagtail's field filters look `?pk=` up as a model field (FieldDoesNotExist),
    and a value the database cannot compare raises OverflowError (SQLite) or
    DataError (PostgreSQL): the client sent it, so it is the client's 400.
    """

    @api.exception_handler(FieldDoesNotExist)
    @api.exception_handler(OverflowError)
    @api.exception_handler(DataError)
    def bad_value(request, exc):
        return problem_response(
            status=400,
            detail=_("a query parameter has a value of the wrong type: %(error)s") % {"error": exc},
        )
