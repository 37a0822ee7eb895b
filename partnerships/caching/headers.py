"""The cache headers of every reader response: pages, API, feeds and calendars.

A signed-in reader may see restricted content, so what they get is private.
What an anonymous reader gets is public for `API_CACHE_MAX_AGE` seconds at
most, and never past the next scheduled expiry or go-live: a CDN or browser
holding a listing must not show an item after its `expire_at`.
"""

from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from ..conf import partnerships_setting

SAFE_METHODS = frozenset({"GET", "HEAD"})
# What a shared cache may keep; an error other than "not found" is not kept.
PUBLIC_STATUSES = frozenset({200, 203, 204, 300, 301, 304, 404, 410})
# Text formats worth compressing. HTML is left out: pages carry CSRF tokens in
# forms, and compressing a secret beside text an attacker chooses is what
# BREACH exploits.
COMPRESSIBLE_TYPES = frozenset(
    {
        "application/json",
        "application/feed+json",
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "text/calendar",
        "text/plain",
    }
)


def max_age(fresh_until=None) -> int:
    """Seconds a shared cache may keep a response: the setting, cut at the next scheduled change."""
    seconds = partnerships_setting("API_CACHE_MAX_AGE")
    if fresh_until is not None:
        seconds = min(seconds, int((fresh_until - timezone.now()).total_seconds()))
    return max(seconds, 0)


def apply_reader_cache_headers(request, response, fresh_until=None, vary=("Cookie",)):
    """Public and short-lived for anonymous readers; private once a session is involved."""
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    elif (
        request.method in SAFE_METHODS
        and response.status_code in PUBLIC_STATUSES
        and not response.cookies
    ):
        patch_cache_control(response, public=True, max_age=max_age(fresh_until))
    elif not response.has_header("Cache-Control"):
        patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, vary)
    return response


def compress_public_response(request, response):
    """Gzip an anonymous reader's API, feed or calendar response when the client accepts it.

    Only public responses are compressed: they hold no session, CSRF token or
    restricted content, so there is no secret for BREACH to recover. A
    signed-in reader's private responses stay as they are.
    """
    content_type = response.get("Content-Type", "").partition(";")[0].strip()
    if (
        request.user.is_authenticated
        or response.status_code != 200
        or content_type not in COMPRESSIBLE_TYPES
    ):
        return response
    return _gzip.process_response(request, response)


# Django's own gzip, with its defence against BREACH-style length probing
# (random bytes in the gzip header), applied to the responses chosen above.
_gzip = GZipMiddleware(lambda request: None)


def soonest_expiry(*pages):
    """The earliest `expire_at` among pages a response shows: it may not be kept beyond it."""
    return min((page.expire_at for page in pages if page and page.expire_at), default=None)


class ReaderCacheHeadersMixin:
    """Pages that set their own cache headers, so a host needs no middleware for them.

    The page's context may name `fresh_until`, the soonest expiry among what
    it shows; routes that answer with headers of their own keep them.
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            context = getattr(response, "context_data", None) or {}
            apply_reader_cache_headers(request, response, fresh_until=context.get("fresh_until"))
        return response
