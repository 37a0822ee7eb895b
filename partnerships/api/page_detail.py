"""A page's detail in `/api/v2/pages/<id>/`, in a constant, small number of queries.

Mirrors Wagtail 8.0.1's `PageSerializer` and `PageParentField`
(wagtail/api/v2/serializers.py): the same representation, fewer queries.
`tests/api/test_pages.py` compares the output with stock Wagtail's.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONObject, Length, Substr
from wagtail.api import APIField
from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.models import Page

# What `meta.parent` renders (id, type, detail_url, html_url, title) needs of the parent.
PARENT_COLUMNS = ("id", "title", "path", "depth", "url_path", "content_type_id", "locale_id")


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


class VisibleParentField(PageParentField):
    """`meta.parent`: the parent page when the reader may see it.

    Wagtail fetches the parent, then asks whether the listing's base queryset
    (here: visible pages on this Site) holds it: two queries. A page fetched
    `with_visible_parent()` brought that answer along; any other costs one query.
    """

    def get_attribute(self, instance):
        if instance.depth <= 1:
            return None
        if "visible_parent" in instance.__dict__:
            columns = instance.visible_parent
            return Page(**columns) if columns else None
        parent_path = instance.path[: -Page.steplen]
        return self.context["base_queryset"].filter(path=parent_path).first()


class PublicPageSerializer(PageSerializer):
    parent = VisibleParentField(read_only=True)


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
