"""Our API v2 endpoints on Wagtail's router.

`ENDPOINTS` is what a host registers on a `WagtailAPIRouter` of its own;
`api_router` is ours, for `partnerships.api.urls`. The pages endpoint comes
first: item links (`detail_url`) point at a page's full detail.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from .endpoints import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet
from .items import ItemsAPIViewSet
from .preview import PagePreviewAPIViewSet

ENDPOINTS = {
    "pages": PublicPagesAPIViewSet,
    "images": PublicImagesAPIViewSet,
    "documents": PublicDocumentsAPIViewSet,
    "items": ItemsAPIViewSet,
    "page_preview": PagePreviewAPIViewSet,
}

api_router = WagtailAPIRouter("wagtailapi")
for name, viewset in ENDPOINTS.items():
    api_router.register_endpoint(name, viewset)
