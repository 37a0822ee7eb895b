"""Wagtail's API v3, with the plugin's routers on it: `path("api/v3/", include(...))`.

v3 is one django-ninja API for the whole site; the plugin adds its routers to it
from `PartnershipsConfig.ready()`, as Wagtail's own contrib apps do. A host that
already mounts `wagtail.api.v3.urls.api` itself gets them there and needs no
include of this module.
"""

from django.urls import path
from wagtail.api.v3.urls import api

urlpatterns = [path("", api.urls)]
