"""Fields the models derive, kept in step when Wagtail changes a page outside `save()`."""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from .listable import ListablePage, topic_of


@receiver(post_page_move)
def item_moved(sender, instance, parent_page_after, **kwargs):
    """A moved item's `topic` is its new parent (Wagtail moves pages without saving them)."""
    if issubclass(sender, ListablePage):
        ListablePage.objects.filter(pk=instance.pk).update(topic_id=topic_of(parent_page_after))
