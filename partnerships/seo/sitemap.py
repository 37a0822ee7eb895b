"""`/sitemap.xml`: Wagtail's sitemap of the request's Site, minus what `visible()` hides."""

from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from ..caching.response_cache import reader_response
from ..models.visibility import VisiblePageQuerySet


class VisiblePagesSitemap(Sitemap):
    """Wagtail's sitemap, minus pages past their expiry time that are still marked live."""

    def items(self):
        root = self.get_wagtail_site().root_page
        return (
            VisiblePageQuerySet(Page)
            .descendant_of(root, inclusive=True)
            .visible()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@require_safe
@reader_response(known=frozenset({"p"}))  # Django's sitemap pages with ?p=
def sitemap_xml(request):
    """The sitemap through the reader response cache: it lists pages that expire, too."""
    return sitemap(request, sitemaps={"pages": VisiblePagesSitemap})
