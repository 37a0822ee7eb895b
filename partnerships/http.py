"""HTTP caching for anything that shows published content: API, feeds, calendars."""

import hashlib
from functools import wraps

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from .conf import partnerships_setting
from .models import ContentVersion


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


def conditional_content(view):
    """Answer If-None-Match / If-Modified-Since with 304 before running the view.

    The validators derive from `ContentVersion`, so a revalidation costs one
    query and no serialisation.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        changed_at = ContentVersion.current()
        etag = content_etag(request, changed_at)
        last_modified = int(changed_at.timestamp())
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        response = not_modified or view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
        return set_cache_headers(request, response)

    return wrapped
