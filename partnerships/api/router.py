from wagtail.api.v2.router import WagtailAPIRouter

from ..http import conditional_content
from .hardening import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet
from .items import ItemsAPIViewSet


class CachingAPIRouter(WagtailAPIRouter):
    """Every endpoint answers revalidations with 304 and sends cache headers."""

    def wrap_view(self, func):
        return conditional_content(super().wrap_view(func))


api_router = CachingAPIRouter("wagtailapi")
# Pages first: item links (`detail_url`) point at the page's full detail.
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("items", ItemsAPIViewSet)
