"""A host site's urls.py: the plugin's one include among routes of the host's own.

The host mounts its own API router under the same `api/v2/` prefix (Wagtail's
redirects endpoint) and serves `*.json` files of its own, all placed after the
plugin's URLs, where a catch-all of ours would hide them.
"""

from django.http import JsonResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.contrib.redirects.api.v2 import RedirectsAPIViewSet

host_api = WagtailAPIRouter("hostapi")
host_api.register_endpoint("redirects", RedirectsAPIViewSet)


def manifest(request):
    return JsonResponse({"name": "The host's web app manifest"})


def section_data(request, section):
    return JsonResponse({"section": section})


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("", include("partnerships.urls")),
    path("api/v2/", host_api.urls),
    path("manifest.json", manifest),
    path("<slug:section>/data.json", section_data),
    path("<slug:section>/feed.rss", section_data),
    path("", include(wagtail_urls)),
]
