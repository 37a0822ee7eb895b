"""The request's Wagtail Site: what each reader surface is scoped to, and where its links point.

Every absolute URL the plugin writes (API links, feeds, calendars, head meta)
is built here from the Site record, through Wagtail's own helpers, and never
from the request's Host header: a forged host or port cannot reach a link
that another reader receives.
"""

from django.conf import settings
from wagtail.api.utils import get_full_url
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Site


def request_site(request):
    """The Site answering this request, as Wagtail finds it (once per request)."""
    return Site.find_for_request(request)


def requested_site(request, site_param=None):
    """The Site named by a `site=host[:port]` parameter, as Wagtail's pages API reads it.

    Without the parameter, the request's own Site. Raises Http404 when no
    such site exists and ValueError when several sites match.
    """
    return SiteFilterValidator(site=site_param, request=request).site_obj


def site_name(request) -> str:
    site = request_site(request)
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def absolute_url(request, path: str) -> str:
    """`path` on the request's Site (or `WAGTAILAPI_BASE_URL`), as Wagtail's API builds URLs."""
    return get_full_url(request, path)


def site_hostname(request) -> str:
    site = request_site(request)
    return site.hostname if site else "localhost"
