"""`/robots.txt`: what crawlers may read, and where the Site's sitemap is."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from ..caching.headers import apply_reader_cache_headers
from ..sites import absolute_url


@require_safe
def robots_txt(request):
    response = TemplateResponse(
        request,
        "partnerships/robots.txt",
        # From the Site record, never the Host header: crawlers and caches keep this file.
        {"sitemap_url": absolute_url(request, "/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )
    return apply_reader_cache_headers(request, response)
