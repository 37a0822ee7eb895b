"""HTTP caching for anything that shows published content: API, feeds, calendars.

Validators (ETag, Last-Modified) derive from `ContentVersion`, so a
revalidation costs one query. Anonymous 200 responses are also kept in
Django's cache under their ETag, which changes whenever published content
does: nothing needs invalidating, and a repeat request costs one query too.
"""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from .conf import partnerships_setting
from .models import ContentVersion

CACHE_PREFIX = "partnerships:response:"


def content_etag(request, changed_at) -> str:
    """Validator for this URL, this version of the content, and this kind of reader."""
    audience = f"user:{request.user.pk}" if request.user.is_authenticated else "anonymous"
    accept = request.headers.get("Accept", "")  # the API also renders browsable HTML
    key = f"{changed_at.isoformat()}|{request.get_full_path()}|{audience}|{accept}"
    return quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])


def set_cache_headers(request, response):
    """Public and cacheable for anonymous readers; private once a session is involved."""
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(
            response, public=True, max_age=partnerships_setting("API_CACHE_MAX_AGE")
        )
    patch_vary_headers(response, ["Cookie", "Accept"])
    return response


def shareable(request, response):
    """Only what every anonymous reader would get may be kept and served again."""
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
    )


def conditional_content(view):
    """Answer revalidations with 304, and repeats from the cache, before running the view."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        changed_at = ContentVersion.current()
        etag = content_etag(request, changed_at)
        last_modified = int(changed_at.timestamp())
        cache_key = CACHE_PREFIX + etag.strip('"')

        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None and not request.user.is_authenticated:
            response = cache.get(cache_key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if shareable(request, response):
                # Bounded by max-age too: items also vanish at their expiry time.
                cache.set(cache_key, response, partnerships_setting("API_CACHE_MAX_AGE"))
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
        return set_cache_headers(request, response)

    return wrapped
