from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from ..validators import multiline_text, single_line_text
from .fields import WebAddressField
from .reviewed import ReviewedSnippet


class Partner(ReviewedSnippet):
    """An organisation that news or webinars were made with.

    A snippet with drafts and review, like `Person`: a new website or logo
    reaches readers only once a moderator publishes it.
    """

    name = models.CharField(
        max_length=255,
        validators=[single_line_text],
        help_text=_("The organisation's name, for example “Pottsboro Library”."),
    )
    website = WebAddressField(
        blank=True,
        help_text=_("The organisation's own site, starting with https://."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Their logo, on a plain background if they have one."),
    )
    description = models.TextField(
        blank=True,
        validators=[multiline_text],
        help_text=_("One or two sentences saying who they are."),
    )

    panels = [
        # A draft needs its name too: choosers and the review list show it.
        FieldPanel("name", required_on_save=True),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")

    def __str__(self):
        return self.name


class ListablePagePartner(Orderable):
    """A partner named on a news article or webinar."""

    page = ParentalKey(
        "partnerships.ListablePage", on_delete=models.CASCADE, related_name="partners"
    )
    # PROTECT: a partner still named on a page cannot vanish from it unnoticed.
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose the organisation, or create it from the chooser."),
    )

    panels = [FieldPanel("partner")]


def partners_shown_on(page):
    """The page's partner links whose partner readers may see, in the editor's order."""
    return [link for link in page.partners.select_related("partner__logo") if link.partner.is_shown]
