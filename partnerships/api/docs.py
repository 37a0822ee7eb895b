"""`/api/v2/schema.json` and a browsable page of it at `/api/v2/docs/`."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..caching.response_cache import reader_response
from ..sites import absolute_url
from .schema import openapi_document


def api_base_url(request):
    return absolute_url(request, "/api/v2")


@require_safe
@reader_response(known=frozenset())
def schema_view(request):
    return JsonResponse(openapi_document(api_base_url(request)), json_dumps_params={"indent": 2})


def docs_view(request):
    document = openapi_document(api_base_url(request))
    endpoints = [
        {
            "path": path,
            "method": method.upper(),
            "summary": operation["summary"],
            "parameters": operation.get("parameters", []),
            "responses": list(operation["responses"].items()),
        }
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]
    # Plain lists: a dict key called "items" would shadow .items in templates.
    schemas = [
        (name, list(schema.get("properties", {}).items()))
        for name, schema in document["components"]["schemas"].items()
    ]
    return render(
        request,
        "partnerships/api_docs.html",
        {
            "document": document,
            "endpoints": endpoints,
            "schemas": schemas,
            "base_url": document["servers"][0]["url"],
        },
    )
