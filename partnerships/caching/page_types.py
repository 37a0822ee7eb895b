"""Each page's own model, remembered by page id.

Fetching a page as its own type costs Wagtail two queries: the base row,
which names the type, then the type's own row. A page never changes type,
so once its type is known one query fetches it as that type.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page

CACHE_SECONDS = 24 * 3600


def specific_page_model(page_id):
    """The model of the page with this id, or None when there is no such page."""
    key = f"partnerships:page-type:{page_id}"
    content_type_id = cache.get(key)
    if content_type_id is None:
        content_type_id = (
            Page.objects.filter(pk=page_id).values_list("content_type_id", flat=True).first()
        )
        if content_type_id is None:
            return None  # not remembered: a page may be created with this id yet
        cache.set(key, content_type_id, CACHE_SECONDS)
    # A type whose code was removed is still a page.
    return ContentType.objects.get_for_id(content_type_id).model_class() or Page
