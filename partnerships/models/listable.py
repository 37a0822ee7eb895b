"""The shared base of every kind of page a topic lists (news, webinars, …).

Every kind lives in one table (`ListablePage`), so a single indexed query
orders all kinds together by their editorial publish date.
"""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager
from wagtail.search import index

from ..api.serializers import ImageRenditionsField, TagNamesField
from ..caching.headers import ReaderCacheHeadersMixin, soonest_expiry
from ..content.excerpts import make_excerpt
from ..content.rich_text import clean_stream_rich_text
from ..editorial.forms import ListablePageForm
from ..editorial.widgets import ExcerptCounterTextarea
from ..pages.routing import PrivacyCheckedWhileRouting
from ..seo.structured_data import instant, modified_at, organization_data, published_at
from ..validators import SummaryLength, check_plain_text, multiline_text
from .preview import ListingCardPreviewable
from .querysets import ListablePageQuerySet
from .visibility import shown_q

PUBLISH_DATE_MAX_DAYS_AHEAD = 366


class ListablePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "partnerships.ListablePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ListablePage(
    ReaderCacheHeadersMixin,
    ListingCardPreviewable,
    RoutablePageMixin,
    PrivacyCheckedWhileRouting,
    Page,
):
    """Base for pages that appear in a topic's “Most Recently Added” list.

    Subclass it to add a kind, in the plugin or in a host site's own app:

        class PodcastPage(ListablePage):
            audio_url = WebAddressField()

            content_panels = ListablePage.content_panels + [
                FieldPanel("audio_url"),
                *ListablePage.listing_panels,
            ]

            kind = "podcast"                 # in URLs (?kind=podcast) and the API
            kind_label = "Podcast"           # on cards: “Publish Date: Podcast / …”
            kind_label_plural = "Podcasts"   # the filter link
            listing_card_template = "podcasts/podcast_card.html"

    Then `makemigrations` for that app. The new kind may be created under any
    topic and is listed, filtered, syndicated, imported and rendered with its
    own card, with no change to the plugin. A `body` StreamField, if the kind
    has one, feeds the excerpt; the attributes below the fields say the rest.
    """

    publish_date = models.DateField(
        _("publish date"),
        default=datetime.date.today,
        help_text=_(
            "The date readers see. Lists show the newest first. "
            "It can be in the past for older news, but not more than a year ahead."
        ),
    )
    summary = models.TextField(
        blank=True,
        validators=[multiline_text, SummaryLength()],
        help_text=_(
            "One or two sentences for lists and link previews, at most as long as "
            "lists show. Leave empty to use the start of the body."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional picture shown next to the title in lists."),
    )
    tags = ClusterTaggableManager(
        through=ListablePageTag,
        blank=True,
        help_text=_("Words readers can filter by, such as “health” or “outreach”."),
    )
    # Derived on save, so that a listing reads one table and nothing else.
    topic = models.ForeignKey(
        "partnerships.TopicIndexPage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    excerpt = models.TextField(editable=False, blank=True)

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("publish_date"),
                FieldPanel("summary", widget=ExcerptCounterTextarea),
                FieldPanel("listing_image"),
                FieldPanel("tags"),
            ],
            heading=_("In lists"),
        ),
    ]
    partner_panels = [
        MultipleChooserPanel(
            "partners", chooser_field_name="partner", heading=_("Partners"), label=_("Partner")
        ),
    ]

    api_fields = [
        APIField("kind"),
        APIField("kind_label"),
        APIField("publish_date"),
        APIField("summary"),
        APIField("excerpt"),
        APIField("tags", serializer=TagNamesField()),
        APIField("listing_image", serializer=ImageRenditionsField()),
    ]
    # Kind-specific fields a listing shows without being asked (`?fields=` adds more).
    api_listing_fields = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("excerpt"),
        # The people readers see credited, not every credited person.
        index.SearchField("credited_names"),
        index.FilterField("publish_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["partnerships.TopicIndexPage"]
    subpage_types = []
    is_creatable = False

    objects = PageManager.from_queryset(ListablePageQuerySet)()
    base_form_class = ListablePageForm

    # What each kind says about itself.
    kind = ""
    kind_label = ""
    kind_label_plural = ""
    listing_card_template = "partnerships/cards/listing_card.html"
    # (start field, end field) for kinds that happen at a time, as webinars do:
    # they are listed as upcoming until they end, and appear in calendars.
    schedule_fields = None
    # The child relation of the people it credits (authors, presenters), if any.
    credits_relation = None
    # Fields of its own that `import_items` fills from a file's columns.
    import_fields = ()
    # Open Graph's type for link previews.
    og_type = "article"

    class Meta:
        indexes = [
            models.Index(
                fields=["topic", "-publish_date", "-page_ptr"], name="listable_topic_newest"
            ),
            models.Index(fields=["-publish_date", "-page_ptr"], name="listable_newest"),
        ]

    # Credited people

    @cached_property
    def credits(self):
        """The credits readers may see, with photos, in one query for the page and its metadata."""
        if not self.credits_relation:
            return []
        relation = getattr(self, self.credits_relation)
        return [c for c in relation.select_related("person__photo") if c.person.is_shown]

    def credited_names(self):
        """The names readers see among the credits, for the search index."""
        return " ".join(credit.person.name for credit in self.credits)

    @classmethod
    def api_prefetches(cls):
        """Lookups (relative to the kind) that make an API field cost no query per item."""
        if not cls.credits_relation:
            return {}
        credit_model = cls._meta.get_field(cls.credits_relation).related_model
        shown = credit_model.objects.filter(shown_q("person__")).select_related("person__photo")
        return {
            cls.credits_relation: [
                Prefetch(cls.credits_relation, shown),
                f"{cls.credits_relation}__person__photo__renditions",
            ]
        }

    # What readers see

    def body_text(self) -> str:
        """Plain text of the kind's `body` StreamField, if it has one."""
        body = getattr(self, "body", None)
        if not body:
            return ""
        return " ".join(body.stream_block.get_searchable_content(body))

    def make_excerpt(self) -> str:
        return self.summary.strip() or make_excerpt(self.body_text())

    @property
    def kind_info(self):
        """The kind's class, which carries `kind`, `kind_label` and the card template.

        Listings load the shared table only; this tells each row's kind without a
        query (content types are cached).
        """
        return self.specific_class

    def share_image(self):
        """The picture link previews show: the item's own, else its topic's photo."""
        if self.listing_image:
            return self.listing_image
        topic = self.get_parent()  # routing has it already, as its own type
        return getattr(topic.specific if topic else None, "hero_image", None)

    def structured_data(self, request, base, listed_items=()):
        """schema.org JSON-LD for this item (`base` holds name, url, description, image).

        A kind overrides it to say what it is: news is a NewsArticle, a webinar an Event.
        """
        return base | {
            "@type": "Article",
            "headline": self.title[:110],
            "datePublished": instant(published_at(self)),
            "dateModified": instant(modified_at(self)),
            "publisher": organization_data(request),
            "mainEntityOfPage": base["url"],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The item vanishes when it expires, and with it when its topic does.
        context["fresh_until"] = soonest_expiry(self, self.get_parent())
        return context

    # Saving

    def clean(self):
        super().clean()
        self.clean_content()

    def clean_content(self):
        """The rules for what the item says, apart from where it sits in the tree.

        The importer checks each record with these, on an unsaved page; a kind
        adds its own (a webinar ends after it starts).
        """
        check_plain_text(self)
        if self.publish_date and self.publish_date > timezone.localdate() + datetime.timedelta(
            days=PUBLISH_DATE_MAX_DAYS_AHEAD
        ):
            raise ValidationError(
                {"publish_date": _("The publish date can be at most a year from today.")}
            )
        self.excerpt = self.make_excerpt()

    def save(self, *args, **kwargs):
        body = getattr(self, "body", None)
        if body:
            clean_stream_rich_text(body)
        self.excerpt = self.make_excerpt()
        self.topic_id = topic_of(self.get_parent())
        return super().save(*args, **kwargs)


def topic_of(parent):
    """The id `ListablePage.topic` holds for an item under `parent`: it, when it is a topic."""
    topic_model = apps.get_model("partnerships", "TopicIndexPage")  # it imports this module
    is_topic = parent is not None and issubclass(parent.specific_class, topic_model)
    return parent.pk if is_topic else None
