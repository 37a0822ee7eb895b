"""The queries every reader surface builds on, each rule written once.

- `visible()`: what a reader may see (live, not expired, not restricted, not
  under a hidden topic), used by HTML pages, both APIs, feeds, calendars,
  search and the sitemap;
- `not_expired_q()`: expiry, for pages and for reviewed snippets;
- `not_ended()`: "upcoming", for every kind that happens at a time;
- `in_site()`: the Site scoping of Wagtail's pages API.

Nothing here imports a model: the querysets reach the models they serve
through `self.model`, so modules the models import may use these too.
"""

from functools import reduce
from operator import or_

from django.conf import settings
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
from django.db.models.functions import Coalesce, Greatest, Length, Substr
from django.db.models.lookups import IsNull, StartsWith
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from ..search.terms import search_words
from ..seo.images import SHARE_IMAGE_SPEC
from .kinds import direct_kinds, listable_page_models, scheduled_kinds

# An alias of an alias points at the alias it copied (Wagtail's create_alias
# sets `alias_of` to the page it was given), so restrictions are followed
# along this many links of the chain.
ALIAS_CHAIN_CHECKED = 2
# A page is hidden when its parent or grandparent is: a topic that is not
# live hides every item under it, and a home page that is not live hides
# its topics and their items.
ANCESTOR_LEVELS_CHECKED = 2
# Search ranks at most this many matches; nobody reads further.
SEARCH_RESULTS_MAX = 1000


def not_expired_q(prefix=""):
    """Not past its `expire_at`: it vanishes at that moment, before `publish_scheduled` runs.

    `prefix` reaches the object through a relation, e.g. `"person__"`.
    """
    now = timezone.now()
    return Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now})


def is_expired(obj) -> bool:
    """`not_expired_q()` for one object already loaded."""
    return obj.expire_at is not None and obj.expire_at <= timezone.now()


def shown_q(prefix=""):
    """Published and not expired: what readers may see of a reviewed snippet."""
    return Q(**{f"{prefix}live": True}) & not_expired_q(prefix)


def not_ended(end_field="ends_at"):
    """The one rule for “upcoming”: it has not ended yet (so one in progress is upcoming)."""
    return Q(**{f"{end_field}__gt": timezone.now()})


def hidden_ancestor(level):
    """The ancestor `level` steps up, when it is not live or has expired (one index probe).

    A scalar subquery (`LIMIT 1`), not `NOT EXISTS`: PostgreSQL turns a NOT
    EXISTS into an anti-join, and for a listing it expects to read in full it
    builds that join from a scan of every hidden page in the tree (23 ms at
    100,000 pages, twice), although the LIMIT stops it after ten rows. A scalar
    subquery stays a probe of the path index for each row actually read.
    """
    length = Greatest(Length(OuterRef("path")) - level * Page.steplen, 0)  # the root has none
    ancestor_path = Substr(OuterRef("path"), 1, length)
    hidden = Page.objects.filter(path=ancestor_path).exclude(Q(live=True) & not_expired_q())
    return Subquery(hidden.values("pk")[:1])


class VisiblePageQuerySet(PageQuerySet):
    def visible(self, request=None):
        """What a reader may see: the one visibility rule of every reader surface.

        A page is visible when it is live, not past its expiry time, not under
        a view restriction the reader fails (its own, one on an ancestor, or
        one on the source of an alias), and its parent and grandparent are
        live and unexpired too.

        Without a request, that is what an anonymous reader sees. With one,
        restrictions the reader satisfies (signed in, in the right group)
        stop hiding pages: such responses depend on the session and must be
        cached privately.

        Unlike Wagtail's `public()`, which reads every view restriction in a
        query of its own first, every test here is a subquery, so an
        anonymous listing is one query.
        """
        restrictions = PageViewRestriction.objects.all()
        if request is not None and request.user.is_authenticated:
            passed = [
                restriction.pk
                for restriction in restrictions.prefetch_related("groups")
                if restriction.accept_request(request)
            ]
            restrictions = restrictions.exclude(pk__in=passed)
        # An alias shows its source's content, so its source's restrictions apply too,
        # including restrictions added to the source after the alias was made.
        restricted_paths = ["path"] + [
            "__".join(["alias_of"] * links + ["path"])
            for links in range(1, ALIAS_CHAIN_CHECKED + 1)
        ]
        conditions = [Q(live=True), not_expired_q()]
        conditions += [
            ~Exists(restrictions.filter(StartsWith(OuterRef(path), F("page__path"))))
            for path in restricted_paths
        ]
        conditions += [
            # In a CASE, which PostgreSQL estimates as half the rows, not the
            # 0.5 % it assumes for `IS NULL` on a subquery: with that guess it
            # expects a handful of rows and joins the kinds' tables by scanning them.
            Case(
                When(IsNull(hidden_ancestor(level), True), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            )
            for level in range(1, ANCESTOR_LEVELS_CHECKED + 1)
        ]
        return self.filter(*conditions)

    def in_site(self, site):
        """Pages of this Site's tree, as Wagtail's pages API scopes them (translations included)."""
        if site is None:
            return self.none()
        roots = [site.root_page]
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            roots += list(site.root_page.get_translations())
        scoped = Q()
        for root in roots:
            scoped |= Q(path__startswith=root.path)
        return self.filter(scoped)


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


class ReviewedQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(shown_q())
