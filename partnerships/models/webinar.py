from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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
from wagtail.models import Orderable
from wagtail.search import index

from ..api.serializers import PeopleField
from ..content.blocks import BodyBlock
from ..editorial.datetime_fields import ConfirmationPanel
from ..editorial.forms import WebinarPageForm
from ..seo.structured_data import SCHEMA_ORG, instant, organization_data, person
from ..syndication.calendars import webinar_calendar
from ..times import time_range
from ..validators import is_web_address
from .fields import WebAddressField
from .listable import ListablePage


class WebinarPagePresenter(Orderable):
    page = ParentalKey(
        "partnerships.WebinarPage", on_delete=models.CASCADE, related_name="presenters"
    )
    person = models.ForeignKey(
        "partnerships.Person",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=gettext_lazy("Choose who presents it, or add them from the chooser."),
    )

    panels = [FieldPanel("person")]


class WebinarPage(ListablePage):
    """An online event, before it happens (registration) and after (recording)."""

    # The admin's form adds the format to type and the editor's time zone to each
    # help text (`partnerships.editorial.datetime_fields`).
    starts_at = models.DateTimeField(
        gettext_lazy("starts at"), help_text=gettext_lazy("When the webinar begins.")
    )
    ends_at = models.DateTimeField(
        gettext_lazy("ends at"), help_text=gettext_lazy("When the webinar ends.")
    )
    registration_url = WebAddressField(
        gettext_lazy("registration link"),
        blank=True,
        help_text=gettext_lazy(
            "Where readers sign up. The Register button shows until the webinar ends."
        ),
    )
    recording_url = WebAddressField(
        gettext_lazy("recording link"),
        blank=True,
        help_text=gettext_lazy(
            "Where readers can watch it afterwards. Shown once the webinar has ended."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, help_text=gettext_lazy("What the webinar covers."))

    content_panels = ListablePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                ConfirmationPanel("confirm_times"),
                FieldPanel("registration_url"),
                FieldPanel("recording_url"),
            ],
            heading=gettext_lazy("When and where"),
        ),
        FieldPanel("body"),
        MultipleChooserPanel(
            "presenters",
            chooser_field_name="person",
            heading=gettext_lazy("Presenters"),
            label=gettext_lazy("Presenter"),
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
        index.FilterField("starts_at"),
    ]

    base_form_class = WebinarPageForm

    kind = "webinar"
    kind_label = gettext_lazy("Webinar")
    kind_label_plural = gettext_lazy("Webinars")
    listing_card_template = "partnerships/cards/webinar_card.html"
    schedule_fields = ("starts_at", "ends_at")
    credits_relation = "presenters"
    import_fields = ("starts_at", "ends_at", "registration_url", "recording_url")

    class Meta:
        verbose_name = gettext_lazy("webinar")

    @property
    def is_upcoming(self):
        """`not_ended()` for one webinar already loaded: it has not ended yet."""
        return self.ends_at > timezone.now()

    @cached_property
    def when(self):
        """“Thu 10 December 2026, 2–3 p.m. EST” (see `partnerships.times`)."""
        return time_range(self.starts_at, self.ends_at)

    @property
    def attendance_url(self):
        """Where to attend: the registration link until it ends, then the recording.

        Never this page, which is not where the webinar happens: without either
        link, its structured data names no location.
        """
        link = self.registration_url if self.is_upcoming else self.recording_url
        # A link planted past the model's rules (a script, an old import) is no location.
        return link if link and is_web_address(link) else ""

    @property
    def reader_status(self):
        """(slug, label) of the badge readers see: upcoming, recording available, or past."""
        if self.is_upcoming:
            return "upcoming", _("Upcoming")
        if self.recording_url:
            return "recording", _("Recording available")
        return "past", _("Past")

    def structured_data(self, request, base, listed_items=()):
        """A schema.org Event attended online, as Google documents it."""
        return base | {
            "@type": "Event",
            "startDate": instant(self.starts_at),
            "endDate": instant(self.ends_at),
            "eventAttendanceMode": f"{SCHEMA_ORG}/OnlineEventAttendanceMode",
            # Cancelled webinars are unpublished, so a published one goes ahead.
            "eventStatus": f"{SCHEMA_ORG}/EventScheduled",
            "location": {"@type": "VirtualLocation", "url": self.attendance_url}
            if self.attendance_url
            else None,
            "organizer": organization_data(request),
            "performer": [person(credit.person) for credit in self.credits],
        }

    def clean_content(self):
        super().clean_content()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The webinar must end after it starts.")})

    @path("calendar.ics/", name="calendar")
    def calendar(self, request):
        """This webinar as an iCalendar file, for “Add to calendar”."""
        return webinar_calendar(request, self)
