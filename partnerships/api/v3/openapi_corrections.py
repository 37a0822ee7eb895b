"""Corrections to Wagtail 8.0.1's `/api/v3/openapi.json`, so that it says what the server answers.

Wagtail's v3 operations document only their success (200, 201 or 204), and
declare authentication on reads anyone may call. Each correction below is
derived from the document itself (an operation's parameters, security and
body), not written out per path, and mirrors this Wagtail 8.0.1 behaviour:

- **404 on a path id**: every detail view looks its object up with
  `get_object_or_404`, and Wagtail's `Http404` handler
  (`wagtail.api.v3.errors.register_exception_handlers`) answers a problem
  document; `partnerships.api.v3.bounds` answers the same for an id no column
  holds.
- **422 on any parameter or body**: ninja's validation (a path id that is not
  an integer, a value off its type) and Wagtail's own `as_validation_error`
  (`child_of` with `descendant_of`, `order=random` with `offset`, an `order`
  field that is not an API field, `ancestor_of` naming no page) go through
  Wagtail's validation handler: a 422 `application/problem+json` with
  `errors` (`ProblemDetail`).
- **400 on query parameters**: `WagtailLimitOffsetPagination` raises
  `HttpError(400)` for a `limit` above `WAGTAILAPI_LIMIT_MAX`, and our bounds
  refuse NUL characters, over-long values, integers no column holds and an
  `offset` above `partnerships.params.MAX_OFFSET`.
- **`limit`'s and `offset`'s maximum**: the `maximum` of `limit` is the one
  `wagtail.api.v3.pagination` enforces (`WAGTAILAPI_LIMIT_MAX`, read through
  its own helper, through `partnerships.internals.v3_limit_max`), that of
  `offset` the one our bounds enforce.
  Our bounds also give every query string value a `maxLength`
  (`MAX_VALUE_LENGTH`), every query integer the largest a column holds, and
  `site` the `host[:port]` pattern Wagtail's site filter can split, and
  no string NUL characters (the same bounds v2's document states).
- **414 on query parameters**: a request line longer than the HTTP server
  takes (runserver's 64 KiB, a proxy's own limit) never reaches Django.
- **404 on `locale`, `site` and the find operations**: `locale_filter_q` and
  `SiteFilterValidator` look the locale and the site up with
  `get_object_or_404`; `pages/find` and `redirects/find`
  raise `Http404` when nothing matches (and redirect, 302, when something does).
- **Optional authentication on public reads**: an operation whose `auth` ends
  with `AllowAnonymous` answers anonymous requests and requests with a token
  it does not know alike (`BearerTokenAuth` returns None, `AllowAnonymous`
  accepts). OpenAPI says so with `{}` among the security alternatives, as our
  `/api/v3/items/` does; `{}` replaces the `AllowAnonymous` alternative, whose
  scheme (`{"type": "http"}` with no `scheme`) is not valid OpenAPI and names
  no authentication a client could send.
- **401 and 403 on the others**: ninja's `AuthenticationError` (an
  `HttpError`) and `PermissionDenied` go through Wagtail's handlers, 401 with
  no valid token and 403 when the token's user may not.

OpenAPI cannot say that two parameters exclude each other; their
descriptions do, and the 422 they get is documented. An operation that
already documents a 4xx (ours: `/api/v3/items/`) documents its own answers and
bounds, and is left as it is but for its security alternatives.
"""

import functools
import math

from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail

from ...internals import v3_limit_max
from ...params import MAX_OFFSET, MAX_VALUE_LENGTH
from .bounds import LARGEST_INTEGER

PROBLEM_SCHEMA_NAME = "ProblemDetail"
PROBLEM_REF = {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA_NAME}"}
# The security scheme Wagtail's public reads list last, `wagtail.api.v3.auth.AllowAnonymous`.
ANONYMOUS_SCHEME = "AllowAnonymous"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}

# Any query string value our bounds let through: no NUL characters (as v2's TEXT).
NO_NUL = "^[^\\u0000]*$"
# `bounds.SITE_PARAMETER` (host[:port], the port a number), without NUL characters.
SITE_PATTERN = "^[^:\\u0000]*(?::[0-9]{1,5})?$"
# Answered before Django sees the request, by the WSGI server or the proxy in front.
URI_TOO_LONG = {"description": "URI Too Long: more than the HTTP server in front takes."}

# Parameters that exclude each other, and what Wagtail 8.0.1 answers: 422.
EXCLUSIVE_PARAMETERS = {
    ("child_of", "descendant_of"): "Not with `{other}`: Wagtail refuses the two together (422).",
    ("descendant_of", "child_of"): "Not with `{other}`: Wagtail refuses the two together (422).",
    ("order", "offset"): "`random` is refused with an `{other}` other than 0 (422).",
}


def problem(description):
    return {"description": description, "content": {PROBLEM_JSON: {"schema": dict(PROBLEM_REF)}}}


def install(api):
    """Correct every document `api` serves from now on (`NinjaAPI.get_openapi_schema`)."""
    build = api.get_openapi_schema

    @functools.wraps(build)
    def get_openapi_schema(*args, **kwargs):
        document = build(*args, **kwargs)
        correct(document)
        return document

    api.get_openapi_schema = get_openapi_schema


def correct(document):
    document.setdefault("components", {}).setdefault("schemas", {}).setdefault(
        PROBLEM_SCHEMA_NAME, ProblemDetail.model_json_schema()
    )
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            if method in METHODS:
                correct_operation(path, operation)
    # Listed by no operation now, and no valid scheme: an "http" one needs a `scheme`.
    document["components"].get("securitySchemes", {}).pop(ANONYMOUS_SCHEME, None)


def correct_operation(path, operation):
    correct_security(operation)
    responses = operation.setdefault("responses", {})
    if any(str(status).startswith("4") for status in responses):
        return  # It documents its refusals itself (ours do: /api/v3/items/).
    parameters = operation.get("parameters", [])
    by_name = {parameter["name"]: parameter for parameter in parameters}
    where = {parameter["in"] for parameter in parameters}

    if "path" in where:
        responses.setdefault("404", problem("No object has this id, or you may not see it."))
    if where or "requestBody" in operation:
        responses.setdefault(
            "422",
            problem(
                "A parameter or body that does not validate: of the wrong type, a "
                "combination the operation refuses, a field it does not know."
            ),
        )
    if "query" in where:
        responses.setdefault(
            "400",
            problem(
                "A query parameter out of bounds: `limit` or `offset` above its maximum, "
                "a value too long, an integer too large, NUL characters."
            ),
        )
        responses.setdefault("414", URI_TOO_LONG)
    if {"locale", "site"} & by_name.keys() or path.endswith("/find/"):
        responses.setdefault("404", problem("No locale, site or object matches the query."))
    if path.endswith("/find/"):
        responses.setdefault("302", {"description": "Found: the object's detail URL."})

    bound("limit", by_name, v3_limit_max())
    bound("offset", by_name, MAX_OFFSET)
    for parameter in parameters:
        if parameter["in"] == "query":
            bound_values(parameter.get("schema", {}))
    if "site" in by_name:
        for schema in alternatives(by_name["site"].get("schema", {})):
            if schema.get("type") == "string":
                schema["pattern"] = SITE_PATTERN
    for (name, other), text in EXCLUSIVE_PARAMETERS.items():
        if name in by_name and other in by_name:
            describe(by_name[name], text.format(other=other))

    if operation.get("security") and {} not in operation["security"]:
        responses.setdefault("401", problem("No valid bearer token."))
        responses.setdefault("403", problem("The token's user may not do this."))


def correct_security(operation):
    security = operation.get("security")
    if security and any(ANONYMOUS_SCHEME in alternative for alternative in security):
        schemes = [alternative for alternative in security if ANONYMOUS_SCHEME not in alternative]
        operation["security"] = schemes + ([] if {} in schemes else [{}])


def bound(name, by_name, maximum):
    parameter = by_name.get(name)
    if parameter is None or maximum is None or maximum == math.inf:
        return
    for schema in alternatives(parameter.get("schema", {})):
        if schema.get("type") == "integer":
            schema.setdefault("maximum", int(maximum))


def alternatives(schema):
    """`schema`, or each of its `anyOf` alternatives, and the items of each array."""
    for alternative in schema.get("anyOf", [schema]):
        yield alternative
        if alternative.get("type") == "array":
            yield from alternatives(alternative.get("items", {}))


def bound_values(schema):
    """What our bounds refuse in any query value: too long, or an integer no column holds."""
    for alternative in alternatives(schema):
        if alternative.get("type") == "string" and not {"enum", "const"} & alternative.keys():
            alternative.setdefault("maxLength", MAX_VALUE_LENGTH)
            alternative.setdefault("pattern", NO_NUL)
        elif alternative.get("type") == "integer":
            # Our bounds refuse a number of either sign that no 64-bit column holds.
            alternative.setdefault("maximum", LARGEST_INTEGER)
            alternative.setdefault("minimum", -LARGEST_INTEGER)


def describe(parameter, text):
    description = parameter.get("description")
    if description and text in description:
        return
    parameter["description"] = f"{description} {text}" if description else text
