from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..validators import multiline_text, single_line_text
from .fields import WebAddressField
from .reviewed import ReviewedSnippet


class Person(ReviewedSnippet):
    """An author of news or a presenter of webinars.

    A snippet with drafts and review: an editor's change reaches readers only
    once a moderator publishes it.
    """

    name = models.CharField(
        max_length=255,
        validators=[single_line_text],
        help_text=_("Full name, as readers should see it."),
    )
    role = models.CharField(
        max_length=255,
        blank=True,
        validators=[single_line_text],
        help_text=_("Job title, for example “Outreach librarian”."),
    )
    organisation = models.CharField(
        max_length=255,
        blank=True,
        validators=[single_line_text],
        help_text=_("Where they work, for example “Pottsboro Library”."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A head-and-shoulders photo; it is shown small and round."),
    )
    bio = models.TextField(
        blank=True, validators=[multiline_text], help_text=_("Two or three sentences about them.")
    )
    profile_url = WebAddressField(
        _("profile page"),
        blank=True,
        help_text=_(
            "A page about them (a staff profile, a biography), starting with https://. "
            "Their name links to it, and search engines learn who they are."
        ),
    )

    panels = [
        # A draft needs its name too: choosers and the review list show it.
        FieldPanel("name", required_on_save=True),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("profile_url"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.FilterField("organisation"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name
