from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..api.serializers import PeopleField
from ..content.blocks import BodyBlock
from ..seo.structured_data import person
from .listable import ListablePage


class ArticlePageAuthor(Orderable):
    page = ParentalKey("partnerships.ArticlePage", on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "partnerships.Person",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose who wrote it, or add them from the chooser."),
    )

    panels = [FieldPanel("person")]


class ArticlePage(ListablePage):
    """A news article."""

    body = StreamField(BodyBlock(), blank=True, help_text=_("The article itself."))

    content_panels = ListablePage.content_panels + [
        FieldPanel("body"),
        MultipleChooserPanel(
            "authors", chooser_field_name="person", heading=_("Authors"), label=_("Author")
        ),
        *ListablePage.partner_panels,
        *ListablePage.listing_panels,
    ]

    api_fields = ListablePage.api_fields + [
        APIField("body"),
        APIField("authors", serializer=PeopleField()),
    ]

    search_fields = ListablePage.search_fields + [
        index.SearchField("body"),
    ]

    kind = "news"
    kind_label = _("News")
    kind_label_plural = _("News")
    listing_card_template = "partnerships/cards/article_card.html"
    credits_relation = "authors"

    class Meta:
        verbose_name = _("news article")

    def structured_data(self, request, base, listed_items=()):
        return super().structured_data(request, base) | {
            "@type": "NewsArticle",
            "author": [person(credit.person) for credit in self.credits],
        }
