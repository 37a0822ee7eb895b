"""Whatever changes what readers see moves the content version, and purges what a CDN keeps.

Every validator and response-cache key derives from `ContentVersion`, so a
bump here is all it takes for every app server to answer afresh; the site
menus, which HTML pages read from the cache, are dropped with it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, unpublished

from ..models import ContentVersion, Partner, Person
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
    """A moved item is listed by its new topic, and no longer by its old one."""
    ContentVersion.bump()
    forget_site_menus()
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
    readers see, as it was; only the revision pointers change.
    """
    if writes_live_version(instance, update_fields):
        ContentVersion.bump()


@receiver(unpublished, sender=Person)
@receiver(unpublished, sender=Partner)
@receiver(post_delete, sender=Person)
@receiver(post_delete, sender=Partner)
def reviewed_snippet_withdrawn(**kwargs):
    ContentVersion.bump()
