"""Purge the API responses a page appears in from a frontend cache (CDN, Varnish…).

Active only when Wagtail's `wagtail.contrib.frontend_cache` app is installed
and `WAGTAILFRONTENDCACHE` names a backend; that app already purges the
page's own HTML. Purging covers the unfiltered listings; responses to other
query strings expire after `API_CACHE_MAX_AGE` seconds.
"""

from django.apps import apps
from django.conf import settings
from django.urls import reverse


def api_urls_for(page, topic_id=None):
    site = page.get_site()
    if site is None:
        return []
    root = site.root_url
    listing, pages = reverse("wagtailapi:items:listing"), reverse("wagtailapi:pages:listing")
    urls = [root + reverse("wagtailapi:pages:detail", args=[page.pk]), root + listing]
    if topic_id is not None:
        urls += [
            f"{root}{listing}?child_of={topic_id}",
            f"{root}{pages}?child_of={topic_id}",
            root + reverse("wagtailapi:pages:detail", args=[topic_id]),
        ]
    return urls


def purge_api_caches(page, topic_id=None):
    if not (
        apps.is_installed("wagtail.contrib.frontend_cache")
        and getattr(settings, "WAGTAILFRONTENDCACHE", None)
    ):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    PurgeBatch(api_urls_for(page, topic_id)).purge()
