"""The site's menu: the pages under its home page that editors show in menus.

A host's `base.html` reads it on every page (`{% partnerships_site_menu %}`),
so it is kept in Django's cache, per Site, and costs no query once warm. It is
dropped whenever a page is published, unpublished, moved or deleted, a view
restriction changes or a Site is saved, and kept no longer than the first
expiry time among its pages, so a page never stays in the menu once hidden.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, Site

from ..caching.shared_cache import cache_delete_many, cache_get, cache_set
from ..conf import partnerships_setting
from ..models import TopicIndexPage
from ..models.visibility import VisiblePageQuerySet

CACHE_KEY = "partnerships:site-menu:{}"


@dataclass(frozen=True)
class MenuLink:
    title: str
    url: str
    is_topic: bool


@dataclass(frozen=True)
class SiteMenu:
    topics: list  # MenuLinks of the topics, in the editors' order
    pages: list  # MenuLinks of other pages (an about page, an accessibility statement)


def site_menu(request) -> SiteMenu:
    site = Site.find_for_request(request)
    if site is None:
        return SiteMenu([], [])
    key = CACHE_KEY.format(site.pk)
    links = cache_get(key)
    if links is None:
        links, expires_at = menu_links(site, request)
        # Kept as long as a public page may be: should a change not reach a shared
        # cache (Redis unreachable when it was dropped), the menu is right again soon.
        seconds = partnerships_setting("API_CACHE_MAX_AGE")
        if expires_at is not None:
            seconds = max(0, min(seconds, int((expires_at - timezone.now()).total_seconds())))
        if seconds:
            cache_set(key, links, seconds)
    return SiteMenu(
        topics=[link for link in links if link.is_topic],
        pages=[link for link in links if not link.is_topic],
    )


def menu_links(site, request):
    """(the links, the first expiry time among their pages or None), in one query."""
    pages = list(
        VisiblePageQuerySet(Page)
        .child_of(site.root_page)
        .visible()
        .filter(show_in_menus=True)
        .order_by("path")
    )
    topic_type = ContentType.objects.get_for_model(TopicIndexPage).pk
    links = [
        MenuLink(page.title, page.get_url(request), page.content_type_id == topic_type)
        for page in pages
    ]
    expiries = [page.expire_at for page in pages if page.expire_at]
    return links, min(expiries, default=None)


def forget_site_menus():
    keys = [CACHE_KEY.format(pk) for pk in Site.objects.values_list("pk", flat=True)]
    cache_delete_many(keys)
