from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from ..api.fields import PeopleField
from ..blocks import BodyBlock
from .listing import ListablePage, ListablePageQuerySet
from .people import credited_names, shown_credits
from .reviewed import shown_q

web_address = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://."
)


class WebinarPagePresenter(Orderable):
    page = ParentalKey(
        "partnerships.WebinarPage", on_delete=models.CASCADE, related_name="presenters"
    )
    person = models.ForeignKey(
        "partnerships.Person",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Choose who presents it, or add them from the chooser.",
    )

    panels = [FieldPanel("person")]


class WebinarPageQuerySet(ListablePageQuerySet):
    def upcoming(self):
        """Webinars that have not ended yet, soonest first."""
        return self.filter(ends_at__gt=timezone.now()).order_by("starts_at", "pk")


class WebinarPage(ListablePage):
    """An online event, before it happens (registration) and after (recording)."""

    starts_at = models.DateTimeField(
        "starts at", help_text="Date and time the webinar begins, in the site's time zone."
    )
    ends_at = models.DateTimeField("ends at", help_text="Date and time the webinar ends.")
    registration_url = models.URLField(
        "registration link",
        blank=True,
        validators=[web_address],
        help_text="Where readers sign up. The Register button shows until the webinar ends.",
    )
    recording_url = models.URLField(
        "recording link",
        blank=True,
        validators=[web_address],
        help_text="Where readers can watch it afterwards. Shown once the webinar has ended.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="What the webinar covers.")

    content_panels = ListablePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("registration_url"),
                FieldPanel("recording_url"),
            ],
            heading="When and where",
        ),
        FieldPanel("body"),
        MultipleChooserPanel(
            "presenters", chooser_field_name="person", heading="Presenters", label="Presenter"
        ),
        *ListablePage.partner_panels,
        *ListablePage.listing_panels,
    ]

    api_fields = ListablePage.api_fields + [
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("is_upcoming"),
        APIField("registration_url"),
        APIField("recording_url"),
        APIField("presenters", serializer=PeopleField()),
        APIField("body"),
    ]
    api_listing_fields = ["starts_at", "ends_at", "is_upcoming"]

    search_fields = ListablePage.search_fields + [
        index.SearchField("body"),
        # The presenters readers see, not every credited person: see `credited_names`.
        index.SearchField("presenter_names"),
        index.FilterField("starts_at"),
    ]

    objects = PageManager.from_queryset(WebinarPageQuerySet)()

    kind = "webinar"
    kind_label = "Webinar"
    kind_label_plural = "Webinars"
    listing_card_template = "partnerships/cards/webinar_card.html"

    class Meta:
        verbose_name = "webinar"

    @property
    def is_upcoming(self):
        return self.ends_at > timezone.now()

    @cached_property
    def credits(self):
        """Presenters readers may see, with photos, in one query for the page and its metadata."""
        return shown_credits(self.presenters.select_related("person__photo"))

    def presenter_names(self):
        return credited_names(self.presenters.select_related("person"))

    @classmethod
    def api_prefetches(cls):
        return {
            "presenters": [
                Prefetch(
                    "presenters",
                    WebinarPagePresenter.objects.filter(shown_q("person__")).select_related(
                        "person__photo"
                    ),
                ),
                "presenters__person__photo__renditions",
            ]
        }

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The webinar must end after it starts."})

    @path("calendar.ics/", name="calendar")
    def calendar(self, request):
        """This webinar as an iCalendar file, for “Add to calendar”."""
        from ..calendars import webinar_calendar  # the view imports the models

        return webinar_calendar(request, self)
