"""One page for a detail in either API: as its own type, with what its detail shows, in one query.

Wagtail fetches a page for a detail in two queries (its base row, which
names its type, then its type's row), then each single-valued relation
(a hero image, a locale) and its parent in a query of their own, and each
credited person and portrait one by one. Here the page's type comes from a
cache (`caching.page_types`), and one query reads the page as that type,
visibility included, with those relations joined and its parent's columns
alongside; its people come in a constant number of prefetches.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONObject, Length, Substr
from wagtail.api import APIField
from wagtail.models import Page

from ..caching.page_types import forget_page_type, specific_page_model

# What a parent's summary in either API (id, type, detail_url, html_url, title) reads.
PARENT_COLUMNS = ("id", "title", "path", "depth", "url_path", "content_type_id", "locale_id")


def single_valued_api_relations(model):
    """The forward foreign keys among `model`'s API fields, to fetch with the page itself.

    A hero image, a listing image, a licence: read with the page in a join
    rather than one query each. A kind's own relations are found from its
    `api_fields`, so a host's kind needs nothing here.
    """
    names = []
    for api_field in APIField.get_fields_for_model(model):
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey):
            names.append(field.name)
    return names


def with_visible_parent(pages, visible):
    """`pages`, each with `visible_parent`: its parent's columns if `visible` holds it, else None.

    A correlated subquery on the path index, read with the page itself: the
    detail's parent costs no query of its own.
    """
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    parent = visible.filter(path=parent_path).values(
        columns=JSONObject(**{name: name for name in PARENT_COLUMNS})
    )[:1]
    return pages.annotate(visible_parent=Subquery(parent))


def visible_parent(page):
    """The parent a page was fetched `with_visible_parent()`, as a `Page`; None if hidden."""
    columns = page.visible_parent
    return Page(**columns) if columns else None


def fetch_visible_page(page_id, visible, parents, related=()):
    """Page `page_id` as its own type if `visible` (ids) holds it, else None.

    With its single-valued API relations and `related`, and `visible_parent`
    from `parents`. An id the type cache remembers for a page since deleted
    (SQLite hands ids out again) is looked up once more.
    """
    model = specific_page_model(page_id)
    page = _fetch(model, page_id, visible, parents, related)
    if page is None and model is not None:
        forget_page_type(page_id)
        model = specific_page_model(page_id)
        page = _fetch(model, page_id, visible, parents, related)
    return page


def _fetch(model, page_id, visible, parents, related):
    if model is None:
        return None
    pages = model.objects.filter(pk__in=visible, pk=page_id)
    relations = [*single_valued_api_relations(model), *related]
    if relations:
        pages = pages.select_related(*relations)
    prefetches = api_prefetches(model)
    if prefetches:
        pages = pages.prefetch_related(*prefetches)
    return with_visible_parent(pages, parents).first()


def api_prefetches(model):
    """What a kind prefetches for its API fields (its people and their portraits), flattened.

    A kind names them itself (`ListablePage.api_prefetches`), as the items
    listing reads them: a detail then costs the same with two presenters or ten.
    """
    by_field = getattr(model, "api_prefetches", dict)()
    return [lookup for lookups in by_field.values() for lookup in lookups]
