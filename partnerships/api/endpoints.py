"""Wagtail's stock endpoints, answering malformed requests with 400 instead of 500."""

from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

from ..caching.response_cache import reader_response
from ..models.querysets import SEARCH_RESULTS_MAX
from ..models.visibility import VisiblePageQuerySet
from ..params import MAX_OFFSET, BadParameter, parse_int, parse_page_id, reject_malformed
from ..search.terms import search_words
from ..sites import requested_site
from .page_detail import PublicPageSerializer
from .page_fetch import fetch_visible_page
from .search_filter import with_words_search


class HardenedAPIViewSetMixin:
    """Checks the query string before Wagtail's code can trip over it.

    Stock Wagtail 8.0.1 answers 500 to an offset past 2**63, NUL bytes (which
    PostgreSQL rejects), `search_operator=xor`, `find/?id=abc` and garbage in
    a field filter such as `first_published_at=yesterday`.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request.GET
        reject_malformed(params)
        parse_int(params, "offset", 0, maximum=MAX_OFFSET)
        parse_int(params, "limit", 0)
        if params.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError(_("search_operator must be 'and' or 'or'"))
        parse_page_id(params, "id")

    def handle_exception(self, exc):
        if isinstance(exc, BadParameter):
            return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, ValidationError | DataError | ValueError | OverflowError):
            # Raised while filtering by a value the database cannot compare.
            return Response(
                {
                    "message": _("a query parameter has a value of the wrong type: %(error)s")
                    % {"error": _first(exc)}
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or _("not found")}, status=404)
        response = super().handle_exception(exc)
        if isinstance(exc, APIException):  # e.g. 405: speak Wagtail's {"message": ...}
            response.data = {"message": str(exc.detail)}
        return response


class CachedEndpointMixin(HardenedAPIViewSetMixin):
    """Public endpoints: 304 on revalidation, and cache headers on every answer."""

    @classmethod
    def get_urlpatterns(cls):
        return decorate_urlpatterns(cls.endpoint_urlpatterns(), negotiated_reader_response)

    @classmethod
    def endpoint_urlpatterns(cls):
        return super().get_urlpatterns()


def negotiated_reader_response(view):
    """The reader response cache for a DRF view, keyed on the renderer DRF will choose.

    JSON and the browsable HTML API are different representations; any
    `Accept` header that picks JSON shares JSON's entry and ETag.
    """
    renderers = [renderer_class() for renderer_class in view.cls.renderer_classes]
    negotiator = DefaultContentNegotiation()

    def representation(request):
        try:
            renderer, _media_type = negotiator.select_renderer(Request(request), renderers)
        except NotAcceptable:
            return None  # the view answers 406 itself
        return renderer.format

    return reader_response(view, representation=representation)


def _first(exc):
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class PublicPagesAPIViewSet(CachedEndpointMixin, PagesAPIViewSet):
    """`/api/v2/pages/`, showing only what `visible()` shows, on the request's Site.

    Stock Wagtail reads every view restriction in a query of its own, twice
    for a detail, then fetches a page in two queries (its base row, then its
    own type's). Here visibility is a filter inside the one query that
    fetches the page, as its own type when that is known, with its images.
    """

    base_serializer_class = PublicPageSerializer
    filter_backends = with_words_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        site = self.requested_site()
        if "search" in self.request.GET:
            return self.searchable_base_queryset(site)
        return VisiblePageQuerySet(Page).visible(self.request).in_site(site)

    def requested_site(self):
        try:
            return requested_site(self.request, self.request.GET.get("site"))
        except ValueError as error:  # several sites match `site`
            raise BadRequestError(str(error)) from error

    def searchable_base_queryset(self, site):
        """What search may look through: visible matches, as ids the search backend can filter on.

        Search backends filter only on indexed fields, so `visible()` cannot
        be applied inside the search. The matches are found first (at most
        SEARCH_RESULTS_MAX, most relevant first), kept when visible on this
        Site, and Wagtail's own search then ranks and pages those.
        """
        words = search_words(self.request.GET["search"])
        operator = self.request.GET.get("search_operator", "and")
        matches = Page.objects.live().search(words, operator=operator) if words else []
        ranked = [page.pk for page in matches[:SEARCH_RESULTS_MAX]]
        visible = VisiblePageQuerySet(Page).visible(self.request).in_site(site)
        allowed = list(visible.filter(pk__in=ranked).values_list("pk", flat=True))
        return Page.objects.live().filter(pk__in=allowed)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            if "search" in self.request.GET:
                raise BadRequestError(_("search applies to listings, not to one page"))
            page_id = self.kwargs["pk"]
            visible = self.filter_queryset(self.get_queryset()).values("pk")
            page = fetch_visible_page(page_id, visible, parents=self.get_base_queryset())
            if page is None:
                raise Http404(_("not found"))
            self.check_object_permissions(self.request, page)
            self._cached_object = page
        return self._cached_object

    def find_object(self, queryset, request):
        if "html_path" in request.GET and len(request.GET["html_path"]) > 2048:
            raise BadRequestError(_("html_path is too long"))
        return super().find_object(queryset, request)


class PublicImagesAPIViewSet(CachedEndpointMixin, ImagesAPIViewSet):
    filter_backends = with_words_search(ImagesAPIViewSet.filter_backends)


class PublicDocumentsAPIViewSet(CachedEndpointMixin, DocumentsAPIViewSet):
    filter_backends = with_words_search(DocumentsAPIViewSet.filter_backends)
