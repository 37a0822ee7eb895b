"""Include in the host site's URLconf, before Wagtail's catch-all:

path("", include("partnerships.urls")),
"""

from django.urls import path, re_path

from .api.docs import docs_view, not_found_view, schema_view
from .api.router import api_router

urlpatterns = [
    path("api/v2/schema.json", schema_view, name="partnerships_api_schema"),
    path("api/v2/docs/", docs_view, name="partnerships_api_docs"),
    path("api/v2/", api_router.urls),
    re_path(r"^api/v2/(?P<path>.*)$", not_found_view),
]
