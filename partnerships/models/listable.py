"""The shared base of every kind of page a topic lists (news, webinars, …).

Every kind lives in one table (`ListablePage`), so a single indexed query
orders all kinds together by their editorial publish date.
"""

import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Aggregate, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.search import index

from ..api.serializers import ImageRenditionsField, TagNamesField
from ..caching.headers import ReaderCacheHeadersMixin, soonest_expiry
from ..content.excerpts import make_excerpt
from ..content.rich_text import clean_stream_rich_text
from ..editorial.forms import ListablePageForm
from ..editorial.widgets import ExcerptCounterTextarea
from ..pages.routing import PrivacyCheckedWhileRouting
from ..search.terms import search_words
from ..seo.images import SHARE_IMAGE_SPEC
from ..seo.structured_data import instant, modified_at, organization_data, published_at
from ..validators import SummaryLength, check_plain_text, multiline_text
from .kinds_query import KindsQuerySetMixin, direct_kinds
from .preview import HeadlessPreviewable
from .querysets import VisiblePageQuerySet

PUBLISH_DATE_MAX_DAYS_AHEAD = 366
# Search ranks at most this many matches; nobody reads further.
SEARCH_RESULTS_MAX = 1000


class ListablePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "partnerships.ListablePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class JSONNameList(Aggregate):
    """The grouped values as a JSON array (text), on SQLite and PostgreSQL."""

    function = "json_group_array"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="json_agg(%(expressions)s)::text", **extra
        )


class ListablePageQuerySet(KindsQuerySetMixin, VisiblePageQuerySet):
    """The listing query every reader-facing view builds on: `ListablePage.objects`.

    Its methods chain. Rows are of the shared table, so one query serves a listing
    of any mix of kinds; `with_kinds()` joins each kind's own table when a caller
    needs the kinds' fields too.
    """

    def newest_first(self):
        # The primary key breaks ties between items published on the same day,
        # so pagination never shows an item twice or skips one.
        return self.order_by("-publish_date", "-pk")

    def listed_under(self, topic, request=None):
        """What a topic lists: its visible children of every kind, newest first.

        The HTML page, the API and the feeds all start from this query; pass
        the request to include what a signed-in reader is allowed to see.
        """
        return (
            self.visible(request).filter(topic=topic).select_related("listing_image").newest_first()
        )

    def search_listing(self, query, operator="and"):
        """Ids of this queryset's items that match `query`, most relevant first.

        Wagtail's search backends filter only on declared filter fields, so
        the search runs over live pages and this queryset's own conditions
        (visibility, topic, kind, tags, dates) are applied to the matches.
        Only the query's words count: punctuation and operators are dropped.
        The search page and the API's `search=` both call this.
        """
        words = search_words(query)
        if not words:
            return []
        matches = ListablePage.objects.live().search(words, operator=operator)
        ranked = [page.pk for page in matches[:SEARCH_RESULTS_MAX]]
        allowed = set(self.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in ranked if pk in allowed]

    def with_kinds(self):
        """Join every kind's own table, so rows come back as their kind in one query.

        Pair with `as_kinds()` once the rows are fetched.
        """
        return self.select_related(*kind_accessors())

    def of_kinds(self, kinds):
        """Only the given kinds, by their `kind` (`"news"`, `"webinar"`, a host's `"podcast"`).

        Unknown kinds match nothing; callers that take a kind from a URL should
        check it against `listable_page_models()` first.
        """
        wanted = [model for model in listable_page_models() if model.kind in kinds]
        content_types = ContentType.objects.get_for_models(*wanted).values()
        return self.filter(content_type__in=content_types)

    def tagged(self, tag):
        """Items with this tag, given by slug (`public-health`) or name (`Public health`)."""
        matching = ListablePageTag.objects.filter(content_object=OuterRef("pk")).filter(
            Q(tag__slug=tag) | Q(tag__name__iexact=tag)
        )
        return self.filter(Exists(matching))

    def with_tag_names(self):
        """Each row's tag names as a column of this query, instead of a query of their own.

        `TagNamesField` reads them; the tags themselves are not loaded.
        """
        names = (
            ListablePageTag.objects.filter(content_object=OuterRef("pk"))
            .values("content_object")
            .annotate(names=JSONNameList("tag__name"))
            .values("names")
        )
        return self.annotate(tag_names=Subquery(names, output_field=models.TextField()))

    def with_syndication_relations(self):
        """Tags and sharing-size image renditions in two queries, however many items.

        Feeds show both for every item; without this each item costs two queries.
        """
        renditions = get_image_model().get_rendition_model().objects
        return self.select_related("listing_image").prefetch_related(
            "tags",
            Prefetch(
                "listing_image__renditions",
                queryset=renditions.filter(filter_spec=SHARE_IMAGE_SPEC),
                to_attr="prefetched_renditions",
            ),
        )


class ListablePage(
    ReaderCacheHeadersMixin,
    HeadlessPreviewable,
    RoutablePageMixin,
    PrivacyCheckedWhileRouting,
    Page,
):
    """Base for pages that appear in a topic's “Most Recently Added” list.

    Subclass it to add a kind, in the plugin or in a host site's own app:

        class PodcastPage(ListablePage):
            audio_url = models.URLField()

            content_panels = ListablePage.content_panels + [
                FieldPanel("audio_url"),
                *ListablePage.listing_panels,
            ]

            kind = "podcast"                 # in URLs (?kind=podcast) and the API
            kind_label = "Podcast"           # on cards: “Publish Date: Podcast / …”
            kind_label_plural = "Podcasts"   # the filter link
            listing_card_template = "podcasts/podcast_card.html"

    Then `makemigrations` for that app. The new kind may be created under any
    topic and is listed, filtered and rendered with its own card, with no change
    to the plugin. A `body` StreamField, if the kind has one, feeds the excerpt.
    """

    publish_date = models.DateField(
        "publish date",
        default=datetime.date.today,
        help_text="The date readers see. Lists show the newest first. "
        "It can be in the past for older news, but not more than a year ahead.",
    )
    summary = models.TextField(
        blank=True,
        validators=[multiline_text, SummaryLength()],
        help_text="One or two sentences for lists and link previews, at most as long as "
        "lists show. Leave empty to use the start of the body.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture shown next to the title in lists.",
    )
    tags = ClusterTaggableManager(
        through=ListablePageTag,
        blank=True,
        help_text="Words readers can filter by, such as “health” or “outreach”.",
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
            heading="In lists",
        ),
    ]
    partner_panels = [
        MultipleChooserPanel(
            "partners", chooser_field_name="partner", heading="Partners", label="Partner"
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
        index.FilterField("publish_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["partnerships.TopicIndexPage"]
    subpage_types = []
    is_creatable = False

    objects = PageManager.from_queryset(ListablePageQuerySet)()
    base_form_class = ListablePageForm

    # Overridden by each kind.
    kind = ""
    kind_label = ""
    kind_label_plural = ""
    listing_card_template = "partnerships/cards/listing_card.html"
    # (start field, end field) for kinds that happen at a time, as webinars do:
    # they are listed as upcoming until they end.
    schedule_fields = None

    class Meta:
        indexes = [
            models.Index(
                fields=["topic", "-publish_date", "-page_ptr"], name="listable_topic_newest"
            ),
            models.Index(fields=["-publish_date", "-page_ptr"], name="listable_newest"),
        ]

    @classmethod
    def api_prefetches(cls):
        """Lookups (relative to the kind) that make an API field cost no query per item."""
        return {}

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

    def clean_rich_text(self):
        body = getattr(self, "body", None)
        if body:
            clean_stream_rich_text(body)

    @property
    def preview_modes(self):
        """The page itself and the card a topic will list it with, then any other modes."""
        others = [mode for mode in super().preview_modes if mode[0]]
        return [("", "Page"), ("listing-card", "Listing card"), *others]

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin (for file routes such as calendar.ics) would preview
        # its index route whatever the mode; Wagtail's own preview honours it.
        if mode_name == self.HEADLESS_PREVIEW_MODE:
            return super().serve_preview(request, mode_name)
        return Page.serve_preview(self, request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The item vanishes when it expires, and with it when its topic does.
        context["fresh_until"] = soonest_expiry(self, self.get_parent())
        return context

    def get_preview_template(self, request, mode_name):
        if mode_name == "listing-card":
            return "partnerships/previews/listing_card.html"
        return super().get_preview_template(request, mode_name)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        if mode_name == "listing-card":
            # The card shows the excerpt of the draft being edited, not the saved one.
            self.excerpt = self.make_excerpt()
            context["item"] = self
        return context

    def clean(self):
        super().clean()
        check_plain_text(self)
        if self.publish_date and self.publish_date > timezone.localdate() + datetime.timedelta(
            days=PUBLISH_DATE_MAX_DAYS_AHEAD
        ):
            raise ValidationError(
                {"publish_date": "The publish date can be at most a year from today."}
            )
        self.excerpt = self.make_excerpt()

    def save(self, *args, **kwargs):
        self.clean_rich_text()
        self.excerpt = self.make_excerpt()
        parent = self.get_parent()
        topic_model = apps.get_model("partnerships", "TopicIndexPage")
        is_topic = parent is not None and issubclass(parent.specific_class, topic_model)
        self.topic_id = parent.pk if is_topic else None
        return super().save(*args, **kwargs)


def kind_accessors():
    """Names of the one-to-one links from the shared table to each kind's own table."""
    return [accessor for accessor, _ in direct_kinds(ListablePage)]


def as_kinds(rows):
    """Each row of a `with_kinds()` query as its own kind, without further queries.

    Django builds the kind's object from the joined columns, but that object
    does not share the row's caches, so the selected relations (listing image,
    topic) and any prefetched tags are handed over to it.
    """
    accessors = kind_accessors()
    items = []
    for row in rows:
        cache = row._state.fields_cache
        item = next((cache[name] for name in accessors if cache.get(name)), None)
        if item is None:  # a kind of a kind: not joined, so ask Wagtail
            items.append(row.specific)
            continue
        for name, related in cache.items():  # the listing image, the topic…
            if name not in accessors:
                item._state.fields_cache.setdefault(name, related)
        if hasattr(row, "tag_names"):
            item.tag_names = row.tag_names
        item._prefetched_objects_cache = {
            **getattr(row, "_prefetched_objects_cache", {}),
            **getattr(item, "_prefetched_objects_cache", {}),
        }
        items.append(item)
    return items


def listable_page_models():
    """Every concrete kind of listable page, including kinds a host site adds.

    Found among the installed apps' models, so a kind is enabled by installing the
    app that defines it; topics accept exactly these as children.
    """
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ListablePage) and model is not ListablePage
    ]
