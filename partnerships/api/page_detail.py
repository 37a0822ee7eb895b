"""A page's detail in `/api/v2/pages/<id>/`, in a constant, small number of queries.

Mirrors Wagtail 8.0.1's `PageSerializer` and `PageParentField`
(wagtail/api/v2/serializers.py): the same representation, fewer queries.
`tests/api/test_pages.py` compares the output with stock Wagtail's.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.api import APIField
from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.models import Page


class VisibleParentField(PageParentField):
    """`meta.parent`: the parent page when the reader may see it, in one query.

    Wagtail fetches the parent, then asks whether the listing's base queryset
    (here: visible pages on this Site) holds it; one query asks both.
    """

    def get_attribute(self, instance):
        if instance.depth <= 1:
            return None
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
