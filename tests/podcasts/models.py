"""What a host site writes to add a kind: a subclass of ListablePage and a card."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

from partnerships.models import ListablePage


class PodcastPage(ListablePage):
    """An episode of a podcast, listed beside the plugin's news and webinars."""

    audio_url = models.URLField("audio link", help_text="Where listeners can play the episode.")
    duration_minutes = models.PositiveSmallIntegerField("length in minutes")

    content_panels = ListablePage.content_panels + [
        FieldPanel("audio_url"),
        FieldPanel("duration_minutes"),
        *ListablePage.listing_panels,
    ]

    api_fields = ListablePage.api_fields + [
        APIField("audio_url"),
        APIField("duration_minutes"),
    ]

    kind = "podcast"
    kind_label = "Podcast"
    kind_label_plural = "Podcasts"
    listing_card_template = "podcasts/podcast_card.html"

    class Meta:
        verbose_name = "podcast episode"
