"""`/api/v3/openapi.json` says what Wagtail's v3 operations answer.

The corrections are in partnerships.api.v3.openapi_corrections.

Each documented answer is also requested here, so that the document and the
server cannot drift apart: a 404 and a 422 on every public detail operation,
the `limit` maximum the server enforces, anonymous and unknown-token reads
that the document allows, and 401s on the operations that need a token.
"""

import re

import jsonschema
import pytest
from django.test import override_settings
from openapi_spec_validator import validate
from wagtail.api.v3.pagination import _get_max_limit

from partnerships.params import MAX_OFFSET, MAX_VALUE_LENGTH
from tests.support.api_v3 import PROBLEM_JSON, openapi, resolve

pytestmark = pytest.mark.django_db

# Wagtail's reads an anonymous reader may call, and a URL of each for an id.
PUBLIC_DETAILS = [
    "/api/v3/pages/{page_id}/",
    "/api/v3/images/{image_id}/",
    "/api/v3/documents/{document_id}/",
    "/api/v3/redirects/{redirect_id}/",
]
PUBLIC_LISTINGS = ["/api/v3/pages/", "/api/v3/images/", "/api/v3/documents/", "/api/v3/redirects/"]
TOKEN_ONLY = ["/api/v3/sites/", "/api/v3/whoami/", "/api/v3/schema/"]


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def problem_schema(document, operation, status):
    answer = operation["responses"][status]
    return resolve(document, answer["content"][PROBLEM_JSON]["schema"])


def assert_documented_problem(document, operation, response):
    """`response` is a problem document, of a status and a shape `operation` lists."""
    assert response["Content-Type"] == PROBLEM_JSON, response.content[:300]
    status = str(response.status_code)
    assert status in operation["responses"], (status, sorted(operation["responses"]))
    jsonschema.validate(response.json(), problem_schema(document, operation, status))


def test_the_corrected_document_is_valid_openapi(client):
    validate(openapi(client))


def test_every_operation_with_a_path_id_documents_404_and_422(client):
    document = openapi(client)

    with_path_id = [
        (path, method, operation)
        for path, method, operation in operations(document)
        if any(parameter["in"] == "path" for parameter in operation.get("parameters", []))
    ]

    assert len(with_path_id) > 20
    for path, method, operation in with_path_id:
        for status in ("404", "422"):
            assert problem_schema(document, operation, status)["title"] == "ProblemDetail", (
                method,
                path,
                status,
            )


def test_every_operation_with_query_parameters_documents_400_and_422(client):
    document = openapi(client)

    for path, method, operation in operations(document):
        if any(parameter["in"] == "query" for parameter in operation.get("parameters", [])):
            assert {"400", "422"} <= set(operation["responses"]), (method, path)


@pytest.mark.parametrize("path", PUBLIC_DETAILS)
def test_a_public_detail_answers_the_404_and_422_it_documents(client, home, path):
    document = openapi(client)
    operation = document["paths"][path]["get"]
    template = path.split("{")[0] + "{}/"

    for id_, status in [("999999", 404), ("x", 422), (str(2**63), 404)]:
        response = client.get(template.format(id_))

        assert response.status_code == status, (id_, response.content[:300])
        assert_documented_problem(document, operation, response)


@pytest.mark.parametrize("path", PUBLIC_LISTINGS)
def test_limit_is_documented_with_the_maximum_the_server_enforces(client, home, path):
    document = openapi(client)
    operation = document["paths"][path]["get"]
    limit = next(p for p in operation["parameters"] if p["name"] == "limit")["schema"]

    assert limit["maximum"] == _get_max_limit() == 100  # demosite's WAGTAILAPI_LIMIT_MAX
    assert client.get(path, {"limit": limit["maximum"]}).status_code == 200
    too_many = client.get(path, {"limit": limit["maximum"] + 1})
    assert too_many.status_code == 400
    assert_documented_problem(document, operation, too_many)


@override_settings(WAGTAILAPI_LIMIT_MAX=7)
def test_limit_maximum_follows_the_setting(client, home):
    document = openapi(client)
    operation = document["paths"]["/api/v3/pages/"]["get"]
    limit = next(p for p in operation["parameters"] if p["name"] == "limit")["schema"]

    assert limit["maximum"] == 7
    assert client.get("/api/v3/pages/", {"limit": 7}).status_code == 200
    assert client.get("/api/v3/pages/", {"limit": 8}).status_code == 400


@pytest.mark.parametrize("path", PUBLIC_LISTINGS)
def test_offset_is_documented_with_the_maximum_our_bounds_enforce(client, home, path):
    document = openapi(client)
    operation = document["paths"][path]["get"]
    offset = next(p for p in operation["parameters"] if p["name"] == "offset")["schema"]

    assert offset["maximum"] == MAX_OFFSET
    assert client.get(path, {"offset": MAX_OFFSET}).status_code == 200
    past = client.get(path, {"offset": MAX_OFFSET + 1})
    assert past.status_code == 400
    assert_documented_problem(document, operation, past)


def string_schema(operation, name):
    parameter = next(p for p in operation["parameters"] if p["name"] == name)
    return next(a for a in parameter["schema"]["anyOf"] if a.get("type") == "string")


@pytest.mark.parametrize(
    ("name", "value", "documented", "status"),
    [
        ("search", "a" * MAX_VALUE_LENGTH, True, 200),
        ("search", "a" * (MAX_VALUE_LENGTH + 1), False, 400),
        ("search", "a\x00b", False, 400),
        ("site", "testserver", True, 200),
        ("site", "testserver:80", True, 200),
        ("site", "testserver:x", False, 400),
        ("site", "a\x00b", False, 400),
    ],
)
def test_query_strings_are_documented_with_the_bounds_the_server_enforces(
    client, home, name, value, documented, status
):
    document = openapi(client)
    operation = document["paths"]["/api/v3/pages/"]["get"]
    schema = string_schema(operation, name)

    valid = len(value) <= schema["maxLength"] and re.search(schema["pattern"], value) is not None
    response = client.get("/api/v3/pages/", {name: value})

    assert valid == documented
    assert response.status_code == status, response.content[:300]
    if not documented:
        assert_documented_problem(document, operation, response)


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (2**63 - 1, 404),
        (-(2**63 - 1), 404),
        (2**63, 400),
        (-(2**63), 400),
        (-807932625355823606419947520, 400),  # found by Schemathesis in CI
    ],
)
def test_query_integers_are_documented_with_the_range_the_server_accepts(
    client, home, value, status
):
    document = openapi(client)
    operation = document["paths"]["/api/v3/redirects/find/"]["get"]
    parameter = next(p for p in operation["parameters"] if p["name"] == "id")
    schema = next(
        a for a in parameter["schema"].get("anyOf", [parameter["schema"]]) if a["type"] == "integer"
    )

    documented = schema["minimum"] <= value <= schema["maximum"]
    response = client.get("/api/v3/redirects/find/", {"id": value})

    assert documented == (status != 400)
    assert response.status_code == status, response.content[:300]
    assert_documented_problem(document, operation, response)


@pytest.mark.parametrize(
    "params",
    [
        {"child_of": "root", "descendant_of": "root"},
        {"order": "random", "offset": "1"},
        {"order": "no_such_field"},
        {"ancestor_of": "999999"},
    ],
)
def test_what_the_pages_listing_refuses_is_a_documented_422(client, home, params):
    document = openapi(client)
    operation = document["paths"]["/api/v3/pages/"]["get"]

    response = client.get("/api/v3/pages/", params)

    assert response.status_code == 422, response.content[:300]
    assert_documented_problem(document, operation, response)


def test_the_exclusive_parameters_say_so(client):
    parameters = {
        parameter["name"]: parameter
        for parameter in openapi(client)["paths"]["/api/v3/pages/"]["get"]["parameters"]
    }

    assert "descendant_of" in parameters["child_of"]["description"]
    assert "child_of" in parameters["descendant_of"]["description"]
    assert "offset" in parameters["order"]["description"]


def test_an_unknown_locale_is_a_documented_404(client, home):
    document = openapi(client)
    operation = document["paths"]["/api/v3/pages/"]["get"]

    response = client.get("/api/v3/pages/", {"locale": "xx"})

    assert response.status_code == 404
    assert_documented_problem(document, operation, response)


@pytest.mark.parametrize("path", ["/api/v3/pages/find/", "/api/v3/redirects/find/"])
def test_find_with_no_match_is_a_documented_404(client, home, path):
    document = openapi(client)

    response = client.get(path, {"html_path": "/no/such/path/"})

    assert response.status_code == 404
    assert_documented_problem(document, document["paths"][path]["get"], response)


@pytest.mark.parametrize("path", PUBLIC_LISTINGS + PUBLIC_DETAILS + ["/api/v3/items/"])
def test_public_reads_document_authentication_as_optional(client, path):
    security = openapi(client)["paths"][path]["get"]["security"]

    assert {} in security
    assert {"BearerTokenAuth": []} in security


@pytest.mark.parametrize("path", PUBLIC_LISTINGS)
def test_public_reads_answer_without_and_with_an_unknown_token(client, home, path):
    assert client.get(path).status_code == 200
    assert client.get(path, HTTP_AUTHORIZATION="Bearer not-a-token").status_code == 200


@pytest.mark.parametrize("path", TOKEN_ONLY)
def test_reads_that_need_a_token_document_it_and_their_401(client, home, path):
    document = openapi(client)
    operation = document["paths"][path]["get"]

    assert {} not in operation["security"]
    response = client.get(path)
    assert response.status_code == 401
    assert_documented_problem(document, operation, response)


def test_operations_that_already_document_an_answer_keep_it(client):
    # Our own /api/v3/items/ lists its 400, 404 and 422 in its own words.
    responses = openapi(client)["paths"]["/api/v3/items/"]["get"]["responses"]

    assert responses["404"]["description"].startswith("`child_of` or `descendant_of`")
