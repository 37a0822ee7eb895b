"""The reader response cache: API endpoints, feeds and calendars.

Validators (ETag, Last-Modified) derive from `ContentVersion`, so a
revalidation costs one query. Anonymous 200 responses are also kept in
Django's cache under their ETag, which changes whenever published content
does: nothing needs invalidating, and a repeat request costs one query too.

The key holds everything that makes two answers differ, so no header or
parameter can place an entry that another reader receives:

- the content version (which also changes when a Site is saved, so a host
  and port always name the same Site within one version);
- the scheme, the host as Django validated it and the port Wagtail matches
  Sites on;
- the audience (anonymous, or one signed-in user) and the active language;
- the representation the endpoint will choose (negotiated, not the raw
  `Accept` header, so equal bytes get equal ETags);
- the path, and only the query parameters the endpoint knows, sorted.

Only GET and HEAD are answered from the cache or with a 304; every other
method reaches the endpoint. Bodies over `RESPONSE_CACHE_MAX_BYTES` are not
kept. A cache that fails (Redis down) is a miss, never an error.
"""

import hashlib
from functools import wraps

from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

from ..conf import partnerships_setting
from ..models.content_version import ContentVersion
from .headers import apply_reader_cache_headers, compress_public_response
from .shared_cache import cache_get, cache_set

CACHE_PREFIX = "partnerships:response:"
SAFE_METHODS = frozenset({"GET", "HEAD"})
# Parameters that only defeat caches (jQuery's `cache: false` adds `_=<time>`);
# they never change an answer, so they never change the key either.
IGNORED_PARAMETERS = frozenset({"_"})


class AnyParameter:
    """For endpoints that refuse parameters they do not know (with a 400, never cached)."""

    def __contains__(self, name):
        return name not in IGNORED_PARAMETERS


ANY_PARAMETER = AnyParameter()


def canonical_query(request, known) -> str:
    """The query string as the endpoint reads it: known names only, sorted, repeats kept."""
    pairs = sorted(
        (name, value) for name, values in request.GET.lists() if name in known for value in values
    )
    return "&".join(f"{name}={value}" for name, value in pairs)


def response_key(request, freshness, representation, known) -> str:
    audience = f"user:{request.user.pk}" if request.user.is_authenticated else "anonymous"
    parts = [
        freshness.version.isoformat(),
        request.scheme,
        request.get_host(),
        str(request.get_port()),
        audience,
        get_language() or "",
        representation,
        request.path,
        canonical_query(request, known),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def shareable(request, response) -> bool:
    """Only what every anonymous reader would get may be kept and served again."""
    return (
        request.method in SAFE_METHODS
        and not request.user.is_authenticated
        and response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
        and len(response.content) <= partnerships_setting("RESPONSE_CACHE_MAX_BYTES")
    )


def keep_response(key, response, freshness, now):
    timeout = partnerships_setting("API_CACHE_MAX_AGE")
    if freshness.fresh_until is not None:
        timeout = min(timeout, int((freshness.fresh_until - now).total_seconds()))
    if timeout <= 0:
        return
    cache_set(CACHE_PREFIX + key, response, timeout)


def reader_response(view=None, *, known=ANY_PARAMETER, representation=None):
    """Serve `view` through the reader response cache.

    `known` names the query parameters the view reads; others are left out
    of the key (the view must ignore them too, links included). Leave it out
    for views that refuse unknown parameters. `representation(request)` names
    the format the view will answer in, or None when it cannot answer (a 406):
    such requests go straight to the view.
    """
    if view is None:
        return lambda view: reader_response(view, known=known, representation=representation)
    # A negotiated representation depends on the Accept header, so shared caches must know.
    vary = ("Cookie", "Accept") if representation else ("Cookie",)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            return view(request, *args, **kwargs)
        chosen = representation(request) if representation else ""
        if chosen is None:
            return view(request, *args, **kwargs)

        freshness = ContentVersion.current()
        key = response_key(request, freshness, chosen, known)
        etag = quote_etag(key)
        last_modified = int(freshness.version.timestamp())

        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None and not request.user.is_authenticated:
            response = cache_get(CACHE_PREFIX + key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if shareable(request, response):
                keep_response(key, response, freshness, now=timezone.now())
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
        apply_reader_cache_headers(request, response, fresh_until=freshness.fresh_until, vary=vary)
        return compress_public_response(request, response)

    return wrapped
