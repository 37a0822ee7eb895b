"""Keeping the search index in step with what readers see of the people an item credits.

Items are indexed with the names of the people readers see credited
(`ListablePage.credited_names`), so the index follows a person's publishing
too, not only the item's.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published, unpublished

from ..models import ListablePage, Person, listable_page_models
from ..models.reviewed import writes_live_version


@receiver(page_published)
def index_with_people(sender, instance, **kwargs):
    """Index a published item again, now that its authors or presenters are saved.

    Wagtail indexes a page while saving it, before its inline rows (authors,
    presenters) reach the database, so their names would be missing.
    """
    if issubclass(sender, ListablePage):
        index.insert_or_update_object(instance)


@receiver(post_save, sender=Person)
def person_saved(sender, instance, update_fields, **kwargs):
    if writes_live_version(instance, update_fields):
        reindex_pages_crediting(instance)


@receiver(unpublished, sender=Person)
@receiver(post_delete, sender=Person)
def person_withdrawn(sender, instance, **kwargs):
    reindex_pages_crediting(instance)


def reindex_pages_crediting(person):
    """A renamed person is found under the new name once published; a withdrawn one is not."""
    for model in listable_page_models():
        if model.credits_relation:
            for page in model.objects.filter(**{f"{model.credits_relation}__person": person}):
                index.insert_or_update_object(page)
