from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from ..api.serializers import (
    HERO_IMAGE_WIDTHS,
    ImageCreditField,
    ImageRenditionsField,
    RecentItemsField,
    RelatedTopicsField,
)
from ..caching.headers import ReaderCacheHeadersMixin, soonest_expiry
from ..conf import partnerships_setting
from ..content.rich_text import clean_rich_text
from ..editorial.forms import PastedTextPageForm
from ..internals import as_kinds
from ..pages.routing import PrivacyCheckedWhileRouting, SpecificChildRouting
from ..pages.topic_listing import topic_listing
from ..params import BadParameter
from ..seo.structured_data import SCHEMA_ORG
from ..sites import request_site
from ..syndication.calendars import topic_calendar
from ..syndication.feeds import FEED_FORMATS, topic_feed
from ..syndication.links import page_file_url
from ..validators import check_plain_text, multiline_text, single_line_text
from .fields import WebAddressField
from .kinds import kinds_by_name, listable_page_models
from .listable import ListablePage
from .preview import HeadlessPreviewable
from .visibility import VisiblePageQuerySet

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def default_items_per_page():
    # A callable, read when a topic is created: a value here would be written into
    # the plugin's migrations, and a host's PARTNERSHIPS setting would then make
    # `makemigrations` want a migration for the plugin.
    return partnerships_setting("ITEMS_PER_PAGE")


class TopicRelatedTopic(Orderable):
    page = ParentalKey(
        "partnerships.TopicIndexPage", on_delete=models.CASCADE, related_name="related_topics"
    )
    topic = models.ForeignKey(
        "partnerships.TopicIndexPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=gettext_lazy(
            "Another topic readers of this one may like. Its teaser is shown with it."
        ),
    )

    panels = [FieldPanel("topic")]


class TopicIndexPage(
    ReaderCacheHeadersMixin,
    HeadlessPreviewable,
    RoutablePageMixin,
    SpecificChildRouting,
    PrivacyCheckedWhileRouting,
    Page,
):
    """A topic: an introduction, then the newest news and webinars filed under it."""

    intro = RichTextField(
        features=INTRO_FEATURES,
        blank=True,
        help_text=gettext_lazy("A paragraph or two introducing the topic."),
    )
    teaser = models.TextField(
        blank=True,
        validators=[multiline_text],
        help_text=gettext_lazy("One sentence shown where other pages link to this topic."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=gettext_lazy("A wide photo shown under the introduction."),
    )
    hero_image_creator = models.CharField(
        gettext_lazy("photographer"),
        max_length=255,
        blank=True,
        validators=[single_line_text],
        help_text=gettext_lazy(
            "Who took the photo, as they want to be credited, for example “jenlen”."
        ),
    )
    hero_image_licence = models.CharField(
        gettext_lazy("licence"),
        max_length=255,
        blank=True,
        validators=[single_line_text],
        help_text=gettext_lazy("The licence's short name, for example “CC BY-NC-ND 2.0”."),
    )
    hero_image_licence_url = WebAddressField(
        gettext_lazy("licence link"),
        blank=True,
        help_text=gettext_lazy("Where readers can read the licence."),
    )
    items_per_page = models.PositiveSmallIntegerField(
        gettext_lazy("items in “Most Recently Added”"),
        default=default_items_per_page,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=gettext_lazy("How many news and webinars to show at a time (1 to 50)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_creator"),
                FieldPanel("hero_image_licence"),
                FieldPanel("hero_image_licence_url"),
            ],
            heading=gettext_lazy("Photo and credit"),
        ),
        FieldPanel("items_per_page"),
        InlinePanel(
            "related_topics",
            heading=gettext_lazy("Related topics"),
            label=gettext_lazy("Related topic"),
        ),
    ]

    api_fields = [
        APIField("intro"),
        APIField("teaser"),
        APIField("hero_image", serializer=ImageRenditionsField(widths=HERO_IMAGE_WIDTHS)),
        APIField("credit", serializer=ImageCreditField()),
        APIField("items_per_page"),
        APIField("related_topics", serializer=RelatedTopicsField()),
        APIField("recent_items", serializer=RecentItemsField()),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("teaser"),
    ]

    objects = PageManager.from_queryset(VisiblePageQuerySet)()
    base_form_class = PastedTextPageForm

    class Meta:
        verbose_name = gettext_lazy("topic")

    @classmethod
    def clean_subpage_models(cls):
        # Any listable kind may live under a topic, including kinds a host site
        # adds later, so the list is computed rather than written out.
        return listable_page_models()

    def clean(self):
        super().clean()
        check_plain_text(self)

    def save(self, *args, **kwargs):
        self.intro = clean_rich_text(self.intro)
        return super().save(*args, **kwargs)

    @property
    def credit_line(self):
        """“Photo: jenlen, CC BY-NC-ND 2.0”, or "" when nobody is credited."""
        parts = [p for p in (self.hero_image_creator, self.hero_image_licence) if p]
        return _("Photo: %(credit)s") % {"credit": ", ".join(parts)} if parts else ""

    def structured_data(self, request, base, listed_items=()):
        """A CollectionPage whose ItemList is what this view of the topic lists."""
        return base | {
            "@type": "CollectionPage",
            "mainEntity": {
                "@type": "ItemList",
                "itemListOrder": f"{SCHEMA_ORG}/ItemListOrderDescending",
                "numberOfItems": len(listed_items),
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "url": item.get_full_url(request),
                        "name": item.title,
                    }
                    for position, item in enumerate(listed_items, start=1)
                ],
            },
        }

    def children_as_own_types(self):
        # Every child is a listable kind, and one query joins every kind's table.
        return ListablePage.objects.child_of(self).with_kinds()

    def as_own_type(self, row):
        return as_kinds([row])[0]

    def recent_items(self, request=None):
        """The topic's visible children of every kind, newest first."""
        return ListablePage.objects.listed_under(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(topic_listing(self, request))
        context["related_topics"] = related = self.visible_related_topics(request)
        listed = [*context["items_page"].object_list, *context["upcoming_items"]]
        context["fresh_until"] = soonest_expiry(self, *listed, *related)
        return context

    def serve(self, request, *args, **kwargs):
        """The topic page; a query string it cannot use is a 400 that says what would work."""
        try:
            return super().serve(request, *args, **kwargs)
        except BadParameter as error:
            context = Page.get_context(self, request) | {
                "listing_error": str(error),
                "kinds": sorted(kinds_by_name().values(), key=lambda model: model.kind_label),
            }
            return TemplateResponse(request, self.get_template(request), context, status=400)

    def share_image(self):
        """The picture link previews show: the topic's photo."""
        return self.hero_image

    def syndication_links(self, request):
        """Autodiscovery links of the topic's feeds and webinar calendar, for `<head>`."""
        return [
            {
                "title": f"{self.title} ({label})",
                "type": mime_type,
                "href": page_file_url(self, route, request),
            }
            for route, mime_type, label in FEED_FORMATS
        ] + [
            {
                "title": _("%(topic)s webinars") % {"topic": self.title},
                "type": "text/calendar",
                "href": page_file_url(self, "webinars_calendar", request),
            }
        ]

    # Feeds and the calendar live under the topic's own URL, wherever it moves
    # (see `partnerships.syndication.routes`); the dots keep them apart from
    # child slugs, which cannot contain one.
    @path("feed.rss/", name="rss_feed")
    def rss_feed(self, request):
        return topic_feed(request, "rss", self)

    @path("feed.atom/", name="atom_feed")
    def atom_feed(self, request):
        return topic_feed(request, "atom", self)

    @path("feed.json/", name="json_feed")
    def json_feed(self, request):
        return topic_feed(request, "json", self)

    @path("webinars.ics/", name="webinars_calendar")
    def webinars_calendar(self, request):
        return topic_calendar(request, self)

    def visible_related_topics(self, request):
        """Related topics the reader may see on this Site, in the editor's order."""
        visible = (
            TopicIndexPage.objects.visible(request)
            .in_site(request_site(request))
            .filter(pk=OuterRef("topic_id"))
        )
        links = self.related_topics.filter(Exists(visible)).select_related("topic")
        return [link.topic for link in links]
