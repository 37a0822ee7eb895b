"""What a reader may see, each rule written once.

- `visible()`: what a reader may see of a page (live, not expired, not
  restricted, not under a hidden topic), used by HTML pages, both APIs, feeds,
  calendars, search and the sitemap; `in_site()` scopes it to a Site as
  Wagtail's pages API does;
- `not_expired_q()` / `is_expired()`: expiry, for pages and for reviewed snippets;
- `shown_q()` / `ReviewedQuerySet.shown()`: what readers see of a reviewed snippet;
- `not_ended()`: "upcoming", for every kind that happens at a time.

Nothing here imports a model of the plugin's: the querysets reach the models
they serve through `self.model`, so modules the models import may use these too.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Greatest, Length, Substr
from django.db.models.lookups import IsNull, StartsWith
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

# An alias of an alias points at the alias it copied (Wagtail's create_alias
# sets `alias_of` to the page it was given), so restrictions are followed
# along this many links of the chain.
ALIAS_CHAIN_CHECKED = 2
# A page is hidden when its parent or grandparent is: a topic that is not
# live hides every item under it, and a home page that is not live hides
# its topics and their items.
ANCESTOR_LEVELS_CHECKED = 2


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


class ReviewedQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(shown_q())
