from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import ListablePage, TopicIndexPage


@receiver(post_page_move)
def keep_listing_topic_in_step(sender, instance, parent_page_after, **kwargs):
    """A moved news item or webinar is listed by its new topic."""
    if not issubclass(sender, ListablePage):
        return
    moved_under_topic = issubclass(parent_page_after.specific_class, TopicIndexPage)
    ListablePage.objects.filter(pk=instance.pk).update(
        topic_id=parent_page_after.pk if moved_under_topic else None
    )
