from wagtail.api.v2.router import WagtailAPIRouter

from .endpoints import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet
from .items import ItemsAPIViewSet
from .preview import PagePreviewAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
# Pages first: item links (`detail_url`) point at the page's full detail.
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("items", ItemsAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
