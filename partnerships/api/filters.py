"""The items listing's filters, as DRF filter backends over the listing's queryset methods.

Each backend reads its parameters with `partnerships.params` and narrows the
queryset with a method of `ListablePageQuerySet`, the same methods the HTML
pages, feeds and API v3 use; together, in `ItemsAPIViewSet.filter_backends`,
they are the listing. None of them costs a query of its own.
"""

from django.db.models import Subquery
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from wagtail.models import Page

from ..models.visibility import VisiblePageQuerySet
from ..params import BadParameter, parse_bool, parse_date, parse_kinds, parse_page_id
from ..sites import requested_site


def request_site_of(request):
    """The Site a `site=host[:port]` parameter names, else the request's own (Wagtail's rule)."""
    try:
        return requested_site(request, request.GET.get("site"))
    except ValueError as error:  # several sites match `site`
        raise BadParameter(str(error)) from error


class SiteFilter(BaseFilterBackend):
    """Only the request's Site (or the one `site=` names), as Wagtail's pages endpoint scopes."""

    def filter_queryset(self, request, queryset, view):
        return queryset.in_site(request_site_of(request))


def tree_parent(request, name):
    """(name, page id or "root") of `child_of` or `descendant_of`, when given."""
    raw = request.GET.get(name)
    if raw is None:
        return None
    return "root" if raw == "root" else parse_page_id(request.GET, name)


class TreeFilter(BaseFilterBackend):
    """`child_of` and `descendant_of` (one or both), with Wagtail's meaning: under a visible page.

    A topic's children are its items, so `child_of` reads the listing's
    `topic` column and its index. Whether the parent exists and is visible
    is asked only when nothing is listed (`check_parent`), so an answer
    with items costs no query for it.
    """

    def filter_queryset(self, request, queryset, view):
        # Both together mean both (Wagtail's pages endpoint refuses the pair): no
        # combination of documented parameters is then a 400 of its own.
        child_of = tree_parent(request, "child_of")
        descendant_of = tree_parent(request, "descendant_of")
        if child_of == "root":
            return queryset.none()  # a Site's root page is a home page, not a topic
        if child_of is not None:
            queryset = queryset.filter(topic_id=child_of)
        if descendant_of not in (None, "root"):
            ancestor = Page.objects.filter(pk=descendant_of).values("path")
            queryset = queryset.filter(path__startswith=Subquery(ancestor)).exclude(
                pk=descendant_of
            )
        return queryset

    @staticmethod
    def check_parent(request):
        """Raise the 400 Wagtail gives when `child_of`/`descendant_of` names no visible page."""
        for name in ("child_of", "descendant_of"):
            parent = tree_parent(request, name)
            if parent in (None, "root"):
                continue
            visible = VisiblePageQuerySet(Page).visible(request).in_site(request_site_of(request))
            if not visible.filter(pk=parent).exists():
                raise BadParameter(
                    _("parent page doesn't exist")
                    if name == "child_of"
                    else _("ancestor page doesn't exist")
                )


class KindFilter(BaseFilterBackend):
    """`kind=news,webinar`: only these kinds."""

    def filter_queryset(self, request, queryset, view):
        kinds = parse_kinds(request.GET, several=True)
        return queryset if kinds is None else queryset.of_kinds(kinds)


class TagFilter(BaseFilterBackend):
    """`tag=` (a slug or a name), repeated to require several."""

    def filter_queryset(self, request, queryset, view):
        for tag in request.GET.getlist("tag"):
            if not tag.strip():
                raise BadParameter(_("tag cannot be empty"))
            queryset = queryset.tagged(tag)
        return queryset


class PublishedFilter(BaseFilterBackend):
    """`published_after=` and `published_before=`: publish dates, both inclusive."""

    def filter_queryset(self, request, queryset, view):
        after = parse_date(request.GET, "published_after")
        before = parse_date(request.GET, "published_before")
        if after:
            queryset = queryset.filter(publish_date__gte=after)
        if before:
            queryset = queryset.filter(publish_date__lte=before)
        return queryset


class UpcomingFilter(BaseFilterBackend):
    """`upcoming=true`: kinds with a schedule (webinars) that have not ended; `false`: ended."""

    def filter_queryset(self, request, queryset, view):
        upcoming = parse_bool(request.GET, "upcoming")
        if upcoming is None:
            return queryset
        return queryset.upcoming() if upcoming else queryset.past()


class SearchFilter(BaseFilterBackend):
    """`search=` (with `search_operator=and|or`): the matches, most relevant first.

    The search runs over the Site's visible items as the other filters left
    them (`search_listing`), so a restricted or hidden item is never ranked.
    """

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search")
        if not query:
            return queryset
        for conflicting in ("order", "cursor"):
            if conflicting in request.GET:
                raise BadParameter(
                    _("%(name)s cannot be combined with search") % {"name": conflicting}
                )
        operator = request.GET.get("search_operator", "and")
        if operator not in ("and", "or"):
            raise BadParameter(_("search_operator must be 'and' or 'or'"))
        return queryset.in_order_of(queryset.search_listing(query, operator=operator))


# In order: the Site first, the search last (it ranks what the others leave).
ITEM_FILTERS = [
    SiteFilter,
    TreeFilter,
    KindFilter,
    TagFilter,
    PublishedFilter,
    UpcomingFilter,
    SearchFilter,
]
