from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Greatest, Length, Substr
from django.db.models.lookups import StartsWith
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


def not_expired_q():
    """Not past its `expire_at`: pages vanish at that moment, before `publish_scheduled` runs."""
    now = timezone.now()
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now)


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
            ~Exists(hidden_ancestor(level)) for level in range(1, ANCESTOR_LEVELS_CHECKED + 1)
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


def hidden_ancestor(level):
    """The ancestor `level` steps up, when it is not live or has expired (one index probe)."""
    length = Greatest(Length(OuterRef("path")) - level * Page.steplen, 0)  # the root has none
    ancestor_path = Substr(OuterRef("path"), 1, length)
    return Page.objects.filter(path=ancestor_path).exclude(Q(live=True) & not_expired_q())
