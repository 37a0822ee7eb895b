"""Calling Wagtail's API v3 (and our routers on it) as another program would."""

PROBLEM_JSON = "application/problem+json"


def get_v3(client, url, params=None, status=200, **headers):
    response = client.get(url, params or {}, HTTP_ACCEPT="application/json", **headers)
    assert response.status_code == status, (response.status_code, response.content[:500])
    return response.json()


def get_problem(client, url, params=None):
    """A refused request: a 4xx in v3's RFC 7807 format."""
    response = client.get(url, params or {}, HTTP_ACCEPT="application/json")
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:500])
    assert response["Content-Type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["status"] == response.status_code and problem["title"]
    return problem


def openapi(client):
    return get_v3(client, "/api/v3/openapi.json")


def resolve(document, schema):
    """`schema` with its `$ref` followed, within the OpenAPI `document`."""
    while "$ref" in schema:
        *_, name = schema["$ref"].split("/")
        schema = document["components"]["schemas"][name]
    return schema


def property_schema(document, component, name):
    """The JSON Schema of property `name` of a component, its `$ref`s followed."""
    return resolve(document, document["components"]["schemas"][component]["properties"][name])
