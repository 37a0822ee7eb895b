"""Wagtail's `search=` on its own endpoints (pages, images, documents), on words only.

Wagtail hands `search` to the search backend as typed, and SQLite FTS5 reads
quotes, stars and brackets as syntax: `?search="` was a 500 (Schemathesis
found it). The backend gets the words of the query instead (`search_words`),
as our own listing and HTML search do; a query with no words finds nothing.
"""

from types import SimpleNamespace

from wagtail.api.v2.filters import SearchFilter

from ..search.terms import search_words


class WordsSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        words = search_words(request.GET["search"])
        if not words:
            return queryset.none()
        query = request.GET.copy()
        query["search"] = words
        # Wagtail's filter reads only `request.GET`.
        return super().filter_queryset(SimpleNamespace(GET=query), queryset, view)


def with_words_search(filter_backends):
    """`filter_backends` with Wagtail's SearchFilter replaced by WordsSearchFilter."""
    return [WordsSearchFilter if f is SearchFilter else f for f in filter_backends]
