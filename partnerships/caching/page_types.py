"""Each page's own model, remembered by page id.

Fetching a page as its own type costs Wagtail two queries: the base row,
which names the type, then the type's own row. A page never changes type,
so once its type is known one query fetches it as that type. (An id that a
database hands out again after a delete, as SQLite may, is caught by the
caller: a typed fetch that finds nothing asks again, `forget_page_type`.)
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .shared_cache import cache_delete_many, cache_get, cache_set

CACHE_SECONDS = 24 * 3600


def specific_page_model(page_id):
    """The model of the page with this id, or None when there is no such page."""
    key = page_type_key(page_id)
    content_type_id = cache_get(key)
    if content_type_id is None:
        content_type_id = (
            Page.objects.filter(pk=page_id).values_list("content_type_id", flat=True).first()
        )
        if content_type_id is None:
            return None  # not remembered: a page may be created with this id yet
        cache_set(key, content_type_id, CACHE_SECONDS)
    # A type whose code was removed is still a page.
    return ContentType.objects.get_for_id(content_type_id).model_class() or Page


def forget_page_type(page_id):
    cache_delete_many([page_type_key(page_id)])


def page_type_key(page_id):
    return f"partnerships:page-type:{page_id}"
