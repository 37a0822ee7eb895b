"""Drafts for a headless front end: `/api/v2/page_preview/?content_type=…&token=…`.

wagtail-headless-preview stores the draft an editor previews under a signed
token and sends the editor to the front end with it; the front end fetches
the draft here. Nothing is served without a valid, unexpired token, and
nothing here is cached.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail_headless_preview.models import HeadlessPreviewMixin

from ..internals import api_serializer_class
from .endpoints import HardenedAPIViewSetMixin


class PagePreviewAPIViewSet(HardenedAPIViewSetMixin, PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"content_type", "token"}

    @classmethod
    def get_urlpatterns(cls):
        return [path("", never_cache(cls.as_view({"get": "listing_view"})), name="listing")]

    def listing_view(self, request):
        page = self.preview_page()
        serializer_class = api_serializer_class(
            self, request.wagtailapi_router, type(page), [], show_details=True
        )
        return Response(serializer_class(page, context=self.get_serializer_context()).data)

    def preview_page(self):
        params = self.request.GET
        if "content_type" not in params or "token" not in params:
            raise BadRequestError(_("content_type and token are required"))
        app_label, _dot, model_name = params["content_type"].partition(".")
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        model = content_type.model_class() if content_type else None
        if model is None or not issubclass(model, HeadlessPreviewMixin):
            raise BadRequestError(_("content_type is not a previewable page type"))
        try:
            page = model.get_page_from_preview_token(params["token"])
        except BadSignature:
            page = None
        if page is None:
            raise Http404(_("This preview does not exist or has expired."))
        return page
