from django.core.exceptions import BadRequest
from django.core.paginator import InvalidPage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from modelcluster.fields import ParentalKey
from taggit.models import Tag
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
from ..pages.listing_views import listing_view
from ..pages.pagination import listing_page
from ..pages.routing import PrivacyCheckedWhileRouting, SpecificChildRouting
from ..seo.structured_data import SCHEMA_ORG
from ..sites import request_site
from ..validators import check_plain_text, multiline_text, single_line_text
from .fields import WebAddressField
from .kinds import listable_page_models
from .listable import ListablePage
from .preview import HeadlessPreviewable
from .querysets import VisiblePageQuerySet

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# How many upcoming webinars (and other scheduled kinds) lead a topic's first page.
UPCOMING_LIMIT = 3


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
        help_text="Another topic readers of this one may like. Its teaser is shown with it.",
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
        features=INTRO_FEATURES, blank=True, help_text="A paragraph or two introducing the topic."
    )
    teaser = models.TextField(
        blank=True,
        validators=[multiline_text],
        help_text="One sentence shown where other pages link to this topic.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide photo shown under the introduction.",
    )
    hero_image_creator = models.CharField(
        "photographer",
        max_length=255,
        blank=True,
        validators=[single_line_text],
        help_text="Who took the photo, as they want to be credited, for example “jenlen”.",
    )
    hero_image_licence = models.CharField(
        "licence",
        max_length=255,
        blank=True,
        validators=[single_line_text],
        help_text="The licence's short name, for example “CC BY-NC-ND 2.0”.",
    )
    hero_image_licence_url = WebAddressField(
        "licence link", blank=True, help_text="Where readers can read the licence."
    )
    items_per_page = models.PositiveSmallIntegerField(
        "items in “Most Recently Added”",
        default=default_items_per_page,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="How many news and webinars to show at a time (1 to 50).",
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
            heading="Photo and credit",
        ),
        FieldPanel("items_per_page"),
        InlinePanel("related_topics", heading="Related topics", label="Related topic"),
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
        verbose_name = "topic"

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
        return f"Photo: {', '.join(parts)}" if parts else ""

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
        if any("\x00" in value for _, values in request.GET.lists() for value in values):
            raise BadRequest("NUL characters are not allowed in the address.")
        items = self.recent_items(request)

        kind = request.GET.get("kind", "")
        kinds = {model.kind: model for model in listable_page_models()}
        if kind:
            if kind not in kinds:
                raise Http404(f"There is no kind of item called “{kind}”.")
            items = items.of_kinds([kind])

        tag_slug = request.GET.get("tag", "")
        tag = None
        if tag_slug:
            tag = Tag.objects.filter(slug=tag_slug).first()
            items = items.tagged(tag_slug) if tag else items.none()

        try:
            items_page = listing_page(
                items.for_cards(), request.GET.get("page", "1"), self.items_per_page
            )
        except InvalidPage:
            raise Http404("There is no such page of items.") from None
        items_page.object_list = as_kinds(items_page.object_list)

        # The first page leads with what is still to come, from the same filtered listing.
        upcoming = []
        if items_page.number == 1 and (not kind or kinds[kind].schedule_fields):
            upcoming = as_kinds(items.upcoming().for_cards()[:UPCOMING_LIMIT])

        related_topics = self.visible_related_topics(request)
        context.update(
            items_page=items_page,
            upcoming_items=upcoming,
            kinds=sorted(kinds.values(), key=lambda model: model.kind_label),
            active_kind=kind,
            tag=tag,
            tag_slug=tag_slug,
            related_topics=related_topics,
            fresh_until=soonest_expiry(self, *items_page.object_list, *upcoming, *related_topics),
            listing_view=listing_view(
                kinds[kind] if kind else None,
                tag_slug,
                tag.name if tag else tag_slug,
                items_page,
            ),
        )
        return context

    # Feeds and the calendar live under the topic's own URL, wherever it moves
    # (see `partnerships.syndication.routes`); the dots keep them apart from child slugs,
    # which cannot contain one. The views import the models, hence the imports
    # inside the routes.
    @path("feed.rss/", name="rss_feed")
    def rss_feed(self, request):
        from ..syndication.feeds import listing_feed

        return listing_feed(request, "rss", topic=self)

    @path("feed.atom/", name="atom_feed")
    def atom_feed(self, request):
        from ..syndication.feeds import listing_feed

        return listing_feed(request, "atom", topic=self)

    @path("feed.json/", name="json_feed")
    def json_feed(self, request):
        from ..syndication.feeds import listing_feed

        return listing_feed(request, "json", topic=self)

    @path("webinars.ics/", name="webinars_calendar")
    def webinars_calendar(self, request):
        from ..syndication.calendars import upcoming_webinars_calendar

        return upcoming_webinars_calendar(request, topic=self)

    def visible_related_topics(self, request):
        """Related topics the reader may see on this Site, in the editor's order."""
        visible = (
            TopicIndexPage.objects.visible(request)
            .in_site(request_site(request))
            .filter(pk=OuterRef("topic_id"))
        )
        links = self.related_topics.filter(Exists(visible)).select_related("topic")
        return [link.topic for link in links]
