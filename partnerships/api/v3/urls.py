"""Wagtail's API v3, with the plugin's routers on it: `path("api/v3/", include(...))`.

v3 is one django-ninja API for the whole site; the plugin adds its routers to it
from `PartnershipsConfig.ready()`, as Wagtail's own contrib apps do. A host that
already mounts `wagtail.api.v3.urls.api` itself gets them there and needs no
include of this module, but then also goes without the bounds checks (`bounds.py`)
that keep out-of-range values from reaching the database.
"""

from django.urls import path
from wagtail.api.v3.urls import api

from .bounds import bounded_urlpatterns

# Not module-level `app_name`: include() would read it as this module's namespace.
v3_patterns, v3_app_name, v3_namespace = api.urls
urlpatterns = [path("", (bounded_urlpatterns(v3_patterns), v3_app_name, v3_namespace))]
