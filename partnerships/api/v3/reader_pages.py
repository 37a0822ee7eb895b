"""Wagtail's own v3 pages routes, for anonymous readers, under the plugin's visibility rule.

Wagtail 8.0.1 scopes every anonymous read of `/api/v3/pages/` (the listing,
`find/`, a detail, `child_of`/`descendant_of` parents) with
`wagtail.api.v3.querysets.get_pages_queryset`, which keeps the live pages of
the Site outside failed view restrictions. That leaves readable, on v3 alone,
what every other reader surface hides: a page past its `expire_at` before
`publish_scheduled` runs, the items of an unpublished or expired topic (Wagtail
leaves children live), and an alias whose source was restricted after the
alias was made. The privacy matrix (tests/privacy) found all of them.

The pages router reads `get_pages_queryset` from its own module's globals, and
v3 has no hook for it, so `use_visibility_rule()` (called once from
`add_to_v3_api()`, which imports this module only after the registry is
filled: importing it loads the pages router) rebinds that one name there.
The replacement mirrors Wagtail's function: the same model, Site (`site=` as
`SiteFilterValidator` reads it, a 400 when several match), `select_related`
and order; for a request with an editor's or app's token it is Wagtail's own
function, unchanged. It also wraps the detail operation's view (`get_page`),
so that an anonymous reader's page is fetched in one query (`api.page_fetch`,
shared with v2). `tests/api_v3/test_reader_pages.py` compares both with
Wagtail's own.
"""

import functools
from http import HTTPStatus

from django.http import Http404
from ninja.errors import HttpError
from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.v3.routers import pages as wagtail_pages_router
from wagtail.models import Page

from ...internals import remember_parent
from ...models.visibility import VisiblePageQuerySet
from ...sites import requested_site
from ..page_fetch import fetch_visible_page, visible_parent

DETAIL_OPERATION = "pages_detail"


def reader_pages_queryset(request, model=Page):
    """`get_pages_queryset`, with `visible()` deciding what an anonymous reader gets."""
    if request.user.is_authenticated:
        return wagtail_querysets.get_pages_queryset(request, model)
    # A filter on the id alone: search backends filter only on indexed fields.
    pages = model._default_manager.filter(pk__in=visible_on_requested_site(request).values("pk"))
    return pages.select_related("content_type", "locale").order_by("pk")


def visible_on_requested_site(request):
    try:
        site = requested_site(request, request.GET.get("site"))
    except ValueError as error:  # several Sites match `site=`
        raise HttpError(HTTPStatus.BAD_REQUEST, str(error)) from error
    return VisiblePageQuerySet(Page).visible(request).in_site(site)


def reader_page_detail(wagtails_get_page):
    """Wagtail's `get_page` view; an anonymous reader's live page in one query instead of six.

    Wagtail fetches the base page, then its own type, then its locale, its
    parent and each image. Here the page comes as its own type with its
    locale, its API relations and its parent (`remember_parent`, as
    Wagtail's routing does), and Wagtail's schema renders it as before.
    """

    @functools.wraps(wagtails_get_page)
    def get_page(request, page_id, version="live", **params):
        if request.user.is_authenticated or version != "live":
            return wagtails_get_page(request, page_id=page_id, version=version, **params)
        visible = visible_on_requested_site(request)
        page = fetch_visible_page(page_id, visible.values("pk"), visible, related=["locale"])
        if page is None:
            raise Http404
        parent = visible_parent(page)
        if parent is not None:
            remember_parent(page, parent)  # Wagtail's schema asks page.get_parent()
        return page

    return get_page


def use_visibility_rule():
    wagtail_pages_router.get_pages_queryset = reader_pages_queryset
    for operation in wagtail_pages_router.router.path_operations["/{page_id}/"].operations:
        if operation.operation_id == DETAIL_OPERATION:
            operation.view_func = reader_page_detail(operation.view_func)
