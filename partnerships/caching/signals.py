from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move, unpublished

from ..models import (
    ArticlePage,
    ContentVersion,
    ListablePage,
    Partner,
    Person,
    TopicIndexPage,
    WebinarPage,
)
from ..models.reviewed import writes_live_version
from ..pages.navigation import forget_site_menus
from .purging import purge_api_caches

# Fields whose change alters what readers see, for a live page saved without
# Wagtail's publish (a script, the shell): its expiry moves the clock.
READER_FIELDS = frozenset({"live", "expire_at", "go_live_at"})


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def sites_changed(**kwargs):
    """A Site saved or deleted anywhere changes which Site a host and port reach.

    Response-cache keys hold the host and port, not the Site, so the version
    moves on and no entry made under the old Sites is served again.
    """
    ContentVersion.bump()
    forget_site_menus()


@receiver(post_save)
def live_page_saved(sender, instance, update_fields=None, **kwargs):
    if not issubclass(sender, Page) or not instance.live:
        return
    if update_fields is None or READER_FIELDS & set(update_fields):
        ContentVersion.bump()


@receiver(post_page_move)
def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A moved news item or webinar is listed by its new topic, and no longer by its old one."""
    ContentVersion.bump()
    if not issubclass(sender, ListablePage):
        return
    moved_under_topic = issubclass(parent_page_after.specific_class, TopicIndexPage)
    ListablePage.objects.filter(pk=instance.pk).update(
        topic_id=parent_page_after.pk if moved_under_topic else None
    )
    for parent in (parent_page_before, parent_page_after):
        purge_api_caches(instance, topic_id=parent.pk)


@receiver(page_published)
@receiver(page_unpublished)
def page_visibility_changed(instance, **kwargs):
    ContentVersion.bump()
    forget_site_menus()
    purge_api_caches(instance, topic_id=getattr(instance, "topic_id", None))


@receiver(post_delete)
def page_deleted(sender, **kwargs):
    if issubclass(sender, Page):
        ContentVersion.bump()
        forget_site_menus()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
@receiver(post_save, sender=get_document_model())
@receiver(post_delete, sender=get_document_model())
def shown_content_changed(**kwargs):
    ContentVersion.bump()
    forget_site_menus()


@receiver(post_save, sender=Person)
@receiver(post_save, sender=Partner)
def reviewed_snippet_saved(sender, instance, update_fields, **kwargs):
    """Publishing (or a script writing a live row directly) changes what readers see.

    Saving a draft of a live person or partner leaves its row, the version
    readers see, as it was; only the revision pointers change, so nothing is
    bumped or reindexed.
    """
    if writes_live_version(instance, update_fields):
        reader_visible_snippet_changed(sender, instance)


@receiver(unpublished, sender=Person)
@receiver(unpublished, sender=Partner)
@receiver(post_delete, sender=Person)
@receiver(post_delete, sender=Partner)
def reader_visible_snippet_changed(sender, instance, **kwargs):
    ContentVersion.bump()
    if sender is Person:
        reindex_pages_crediting(instance)


@receiver(page_published)
def index_with_people(sender, instance, **kwargs):
    """Index a published item again, now that its authors or presenters are saved.

    Wagtail indexes a page while saving it, before its inline rows (authors,
    presenters) reach the database, so their names would be missing.
    """
    if issubclass(sender, ListablePage):
        index.insert_or_update_object(instance)


def reindex_pages_crediting(person):
    """A renamed person is found under the new name once it is published, and an
    unpublished person's name leaves the index of the pages crediting them."""
    for model, credit in ((ArticlePage, "authors__person"), (WebinarPage, "presenters__person")):
        for page in model.objects.filter(**{credit: person}):
            index.insert_or_update_object(page)
