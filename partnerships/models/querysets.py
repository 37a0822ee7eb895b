"""The listing query every reader surface builds on: `ListablePage.objects`.

Filters by topic, kind, tag and schedule, search, and the joins and prefetches
that keep a listing to one query. What a reader may see is `visibility`'s; the
listing starts from it.

Nothing here imports a model of the plugin's: the querysets reach the models they serve
through `self.model`, so modules the models import may use these too.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import (
    Aggregate,
    Case,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from ..search.terms import search_words
from ..seo.images import SHARE_IMAGE_SPEC
from .kinds import direct_kinds, listable_page_models, scheduled_kinds
from .visibility import VisiblePageQuerySet, not_ended

# Search ranks at most this many matches; nobody reads further.
SEARCH_RESULTS_MAX = 1000


class JSONNameList(Aggregate):
    """The grouped values as a JSON array (text), on SQLite and PostgreSQL."""

    function = "json_group_array"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="json_agg(%(expressions)s)::text", **extra
        )


class ListablePageQuerySet(VisiblePageQuerySet):
    """The listing query every reader-facing view builds on: `ListablePage.objects`.

    Its methods chain. Rows are of the shared table, so one query serves a listing
    of any mix of kinds; `with_kinds()` joins each kind's own table when a caller
    needs the kinds' fields too. On a kind's own manager (`WebinarPage.objects`)
    the same methods read that kind's fields directly.
    """

    def newest_first(self):
        # The primary key breaks ties between items published on the same day,
        # so pagination never shows an item twice or skips one.
        return self.order_by("-publish_date", "-pk")

    def listed_under(self, topic, request=None):
        """What a topic lists: its visible children of every kind, newest first.

        The HTML page, the APIs and the feeds all start from this query; pass
        the request to include what a signed-in reader is allowed to see.
        """
        return (
            self.visible(request).filter(topic=topic).select_related("listing_image").newest_first()
        )

    def search_listing(self, query, operator="and"):
        """Ids of this queryset's items that match `query`, most relevant first.

        Wagtail's search backends filter only on declared filter fields, so
        the search runs over live pages and this queryset's own conditions
        (visibility, topic, kind, tags, dates) are applied to the matches.
        Only the query's words count: punctuation and operators are dropped.
        The search page and both APIs' `search=` call this.
        """
        words = search_words(query)
        if not words:
            return []
        matches = self.model._default_manager.live().search(words, operator=operator)
        ranked = [page.pk for page in matches[:SEARCH_RESULTS_MAX]]
        allowed = set(self.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in ranked if pk in allowed]

    def in_order_of(self, ids):
        """Only these ids, in their order: search results, most relevant first."""
        if not ids:
            return self.none()
        rank = Case(*[When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)])
        return self.filter(pk__in=ids).order_by(rank.asc())

    def with_kinds(self):
        """Join every kind's own table, so rows come back as their kind in one query.

        Pair with `as_kinds()` once the rows are fetched.
        """
        return self.select_related(*(accessor for accessor, _ in direct_kinds(self.model)))

    def for_cards(self):
        """Rows with what every kind's listing card reads, bodies left out, in one query.

        Pair with `as_kinds()`: a webinar's card shows its times and links.
        """
        bodies = [
            f"{accessor}__{field.name}"
            for accessor, model in direct_kinds(self.model)
            for field in model._meta.get_fields()
            if isinstance(field, StreamField) and field.model is model
        ]
        return self.with_kinds().defer(*bodies)

    def of_kinds(self, kinds):
        """Only the given kinds, by their `kind` (`"news"`, `"webinar"`, a host's `"podcast"`).

        Unknown kinds match nothing; callers that take a kind from a URL read
        it with `partnerships.params`, which refuses unknown ones.
        """
        wanted = [model for model in listable_page_models() if model.kind in kinds]
        content_types = ContentType.objects.get_for_models(*wanted).values()
        return self.filter(content_type__in=content_types)

    def tagged(self, tag):
        """Items with this tag, given by slug (`public-health`) or name (`Public health`)."""
        matching = self.tag_links().filter(content_object=OuterRef("pk"))
        return self.filter(Exists(matching.filter(Q(tag__slug=tag) | Q(tag__name__iexact=tag))))

    def with_tag_names(self):
        """Each row's tag names as a column of this query, instead of a query of their own.

        `TagNamesField` reads them; the tags themselves are not loaded.
        """
        names = (
            self.tag_links()
            .filter(content_object=OuterRef("pk"))
            .values("content_object")
            .annotate(names=JSONNameList("tag__name"))
            .values("names")
        )
        return self.annotate(tag_names=Subquery(names, output_field=models.TextField()))

    def tag_links(self):
        return self.model._meta.get_field("tags").remote_field.through.objects.all()

    def with_syndication_relations(self):
        """Tags and sharing-size image renditions in two queries, however many items.

        Feeds show both for every item; without this each item costs two queries.
        """
        renditions = get_image_model().get_rendition_model().objects
        return self.select_related("listing_image").prefetch_related(
            "tags",
            Prefetch(
                "listing_image__renditions",
                queryset=renditions.filter(filter_spec=SHARE_IMAGE_SPEC),
                to_attr="prefetched_renditions",
            ),
        )

    def upcoming(self):
        """Items of kinds with a schedule (webinars, a host's events) that have not ended.

        Soonest first. Kinds name their start and end fields in `schedule_fields`.
        """
        schedules = self.schedules()
        if not schedules:
            return self.none()
        starts = [F(start) for start, _ in schedules]
        soonest = starts[0] if len(starts) == 1 else Coalesce(*starts)
        not_ended_yet = reduce(or_, [not_ended(end) for _, end in schedules])
        return self.filter(not_ended_yet).order_by(soonest.asc(), "pk")

    def past(self):
        """Items of kinds with a schedule that have ended."""
        schedules = self.schedules()
        if not schedules:
            return self.none()
        scheduled = reduce(or_, [Q(**{f"{start}__isnull": False}) for start, _ in schedules])
        not_ended_yet = reduce(or_, [not_ended(end) for _, end in schedules])
        return self.filter(scheduled).exclude(not_ended_yet)

    def schedules(self):
        """(start lookup, end lookup) of each scheduled kind this queryset can list."""
        if getattr(self.model, "schedule_fields", None):
            return [self.model.schedule_fields]
        return [
            (f"{accessor}__{start}", f"{accessor}__{end}")
            for accessor, start, end in scheduled_kinds(self.model)
        ]
