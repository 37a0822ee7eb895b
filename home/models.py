from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from partnerships.headers import ReaderCacheHeadersMixin, soonest_expiry
from partnerships.models import TopicIndexPage
from partnerships.routing import SpecificChildRouting


class HomePage(ReaderCacheHeadersMixin, SpecificChildRouting, Page):
    """The site's front page: a welcome, then every topic with its teaser."""

    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="A short welcome shown above the list of topics.",
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
