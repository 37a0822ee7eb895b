"""A page's detail in `/api/v2/pages/<id>/`, in a constant, small number of queries.

Mirrors Wagtail 8.0.1's `PageSerializer` and `PageParentField`
(wagtail/api/v2/serializers.py): the same representation, fewer queries.
`tests/api/test_pages.py` compares the output with stock Wagtail's.
"""

from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.models import Page

from .page_fetch import visible_parent


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
            return visible_parent(instance)
        parent_path = instance.path[: -Page.steplen]
        return self.context["base_queryset"].filter(path=parent_path).first()


class PublicPageSerializer(PageSerializer):
    parent = VisibleParentField(read_only=True)
