"""Which Site answers a request, without a query on every request.

Wagtail's `Site.find_for_request` asks the database on each request, and
every page, API response and feed needs the answer (to route, and for
`html_url` and `detail_url`). The sites change rarely, so the list is kept
in Django's cache, like Wagtail's own site root paths, and dropped when a
Site is saved or deleted or a page (perhaps a site's root) moves. Matching a
host against the list follows `wagtail.models.sites.get_site_for_hostname`
rule for rule; a test compares the two for every combination of sites.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

SITES_CACHE_KEY = "partnerships:sites"
SITES_CACHE_SECONDS = 3600


def find_site_for_request(request):
    """What `Site.find_for_request` would answer, from the cached list of sites."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return site_for_hostname(all_sites(), hostname, request.get_port())


def all_sites():
    sites = cache.get(SITES_CACHE_KEY)
    if sites is None:
        sites = list(Site.objects.select_related("root_page").order_by("pk"))
        cache.set(SITES_CACHE_KEY, sites, SITES_CACHE_SECONDS)
    return sites


def forget_sites():
    cache.delete(SITES_CACHE_KEY)


def site_for_hostname(sites, hostname, port):
    """Wagtail's choice: host and port, then host on the default site, then the default."""
    port = int(port)

    def rank(site):
        if site.hostname == hostname and site.port == port:
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        if site.is_default_site:
            return 2
        return 3

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=rank
    )
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
        return candidates[0]
    if rank(candidates[0]) == 2:
        # The default, unless exactly one other site has this hostname.
        return candidates[len(candidates) == 2]
    return None  # several sites share the hostname on other ports, and none is the default
