"""The public search page: `/search/?q=…&kind=…&topic=…&page=…`."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..caching.headers import apply_reader_cache_headers, soonest_expiry
from ..internals import as_kinds
from ..models import ListablePage, TopicIndexPage, listable_page_models
from ..params import BadParameter, parse_kinds, parse_page_number, reject_malformed
from ..sites import request_site

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def topic_param(request, topics):
    """`?topic=<page id>` as one of the visible topics; None when absent."""
    value = request.GET.get("topic", "")
    if not value:
        return None
    topic = next((topic for topic in topics if str(topic.pk) == value), None)
    if topic is None:
        raise BadParameter(_("There is no topic with the id “%(id)s”.") % {"id": value})
    return topic


def query_param(request):
    query = request.GET.get("q", "")
    if len(query) > MAX_QUERY_LENGTH:
        raise BadParameter(
            _("Search for at most %(most)d characters.") % {"most": MAX_QUERY_LENGTH}
        )
    return query


def results_page(request, query, kinds, topic, number):
    """One page of visible matches, most relevant first, ready for the listing cards."""
    candidates = ListablePage.objects.visible().in_site(request_site(request))
    if kinds:
        candidates = candidates.of_kinds(kinds)
    if topic is not None:
        candidates = candidates.filter(topic=topic)
    ranked_ids = candidates.search_listing(query)
    try:
        if number is None:
            raise InvalidPage
        page = Paginator(ranked_ids, RESULTS_PER_PAGE).page(number)
    except InvalidPage:
        raise Http404(_("There is no such page of results.")) from None
    # Each kind's card fields and the topic, which every result names, in the one query.
    rows = ListablePage.objects.filter(pk__in=page.object_list).for_cards()
    by_id = {item.pk: item for item in as_kinds(rows.select_related("listing_image", "topic"))}
    page.object_list = [by_id[pk] for pk in page.object_list]
    return page


@require_safe
def search_page(request):
    topics = list(TopicIndexPage.objects.visible().in_site(request_site(request)).order_by("title"))
    context = {
        "query": request.GET.get("q", ""),
        "kinds": sorted(listable_page_models(), key=lambda model: model.kind_label),
        "topics": topics,
        "active_kind": request.GET.get("kind", ""),
        "active_topic": request.GET.get("topic", ""),
    }
    try:
        query = query_param(request)  # its own limit speaks before the general one
        reject_malformed(request.GET)
        kinds, topic = parse_kinds(request.GET), topic_param(request, topics)
        number = parse_page_number(request.GET)
    except BadParameter as error:
        context["error"] = str(error)
        return TemplateResponse(request, "partnerships/search.html", context, status=400)
    context["results_page"] = page = results_page(request, query, kinds, topic, number)
    response = TemplateResponse(request, "partnerships/search.html", context)
    return apply_reader_cache_headers(request, response, fresh_until=soonest_expiry(*page))
