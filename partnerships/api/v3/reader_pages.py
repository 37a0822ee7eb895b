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
v3 has no hook for it, so `use_visibility_rule()` rebinds that one name there
(called once, from `add_to_v3_api()`, which imports this module only after
the registry is filled: importing it loads the pages router). The replacement mirrors Wagtail's
function: the same model, Site (`site=` as `SiteFilterValidator` reads it, a
400 when several match), `select_related` and order; for a request with an
editor's or app's token it is Wagtail's own function, unchanged.
`tests/api_v3/test_reader_pages.py` compares the two.
"""

from http import HTTPStatus

from ninja.errors import HttpError
from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.v3.routers import pages as wagtail_pages_router
from wagtail.models import Page

from ...models.querysets import VisiblePageQuerySet
from ...sites import requested_site


def reader_pages_queryset(request, model=Page):
    """`get_pages_queryset`, with `visible()` deciding what an anonymous reader gets."""
    if request.user.is_authenticated:
        return wagtail_querysets.get_pages_queryset(request, model)
    try:
        site = requested_site(request, request.GET.get("site"))
    except ValueError as error:  # several Sites match `site=`
        raise HttpError(HTTPStatus.BAD_REQUEST, str(error)) from error
    visible = VisiblePageQuerySet(Page).visible(request).in_site(site).values("pk")
    # A filter on the id alone: search backends filter only on indexed fields.
    pages = model._default_manager.filter(pk__in=visible)
    return pages.select_related("content_type", "locale").order_by("pk")


def use_visibility_rule():
    wagtail_pages_router.get_pages_queryset = reader_pages_queryset
