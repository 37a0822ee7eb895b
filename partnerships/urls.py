"""Include in the host site's URLconf, before Wagtail's catch-all:

path("", include("partnerships.urls")),
"""

from django.urls import path

from .api.router import api_router

urlpatterns = [
    path("api/v2/", api_router.urls),
]
