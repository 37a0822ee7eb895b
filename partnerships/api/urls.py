"""API v2: our endpoints on Wagtail's router, the OpenAPI document and its browsable docs.

    path("api/v2/", include("partnerships.api.urls")),

A host with a `WagtailAPIRouter` of its own can register the endpoints on it
instead (`partnerships.api.router.ENDPOINTS`) and include only the schema's
URLs (`schema_urlpatterns`). Nothing here claims addresses it does not serve,
so a host's own endpoints beside ours (redirects, say) keep working.
"""

from django.urls import path

from .docs import docs_view, schema_view
from .router import api_router

schema_urlpatterns = [
    path("schema.json", schema_view, name="partnerships_api_schema"),
    path("docs/", docs_view, name="partnerships_api_docs"),
]

urlpatterns = [*schema_urlpatterns, path("", api_router.urls)]
