from django.utils.cache import patch_cache_control, patch_vary_headers

from .conf import partnerships_setting
from .sites import find_site_for_request


class ReaderCacheHeadersMiddleware:
    """Cache headers for pages that do not set their own.

    A signed-in reader may see restricted content, so what they get is
    private; what an anonymous reader gets is public for a short while.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control") or request.path.startswith("/admin/"):
            return response
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            if not response.cookies:
                patch_cache_control(
                    response, public=True, max_age=partnerships_setting("API_CACHE_MAX_AGE")
                )
        patch_vary_headers(response, ["Cookie"])
        return response


class CachedSiteMiddleware:
    """Finds the request's Site from the cached list, before Wagtail would query for it.

    Wagtail's `Site.find_for_request` keeps its answer on the request as
    `_wagtail_site`, so everything downstream (page routing, the API's
    URLs, feeds) uses this one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = find_site_for_request(request)
        return self.get_response(request)
