"""Everything the plugin serves, in one include, before Wagtail's pages:

    path("", include("partnerships.urls")),

Each part can be included on its own instead (and placed where the host
likes): `partnerships.api.urls` (under `api/v2/`), `partnerships.api.v3.urls` (Wagtail's API v3
with the plugin's routers, under `api/v3/`), `partnerships.syndication.urls`,
`partnerships.search.urls` and `partnerships.seo.urls`. None claims more than
the addresses it serves.
"""

from django.urls import include, path

urlpatterns = [
    path("api/v2/", include("partnerships.api.urls")),
    path("api/v3/", include("partnerships.api.v3.urls")),
    path("", include("partnerships.syndication.urls")),
    path("", include("partnerships.search.urls")),
    path("", include("partnerships.seo.urls")),
]
