from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from partnerships.caching.headers import ReaderCacheHeadersMixin, soonest_expiry
from partnerships.models import TopicIndexPage
from partnerships.pages.routing import SpecificChildRouting


class HomePage(ReaderCacheHeadersMixin, SpecificChildRouting, Page):
    """The site's front page: a welcome, then every topic with its teaser."""

    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("A short welcome shown above the list of topics."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def topics(self):
        return TopicIndexPage.objects.child_of(self).visible().order_by("title")

    def children_as_own_types(self):
        # The home page's children are topics.
        return TopicIndexPage.objects.child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = topics = list(self.topics())
        context["fresh_until"] = soonest_expiry(self, *topics)
        return context


class StandardPage(Page):
    """A page of plain content under the home page: the accessibility statement, “About”."""

    intro = models.TextField(blank=True, help_text=_("One or two sentences under the title."))
    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text=_("The page itself."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
