from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


class VisiblePageQuerySet(PageQuerySet):
    def visible(self, request=None):
        """What a reader may see: live, not past its expiry time, and not restricted.

        Without a request, that is what an anonymous reader sees. With one,
        restrictions the reader satisfies (signed in, in the right group)
        stop hiding pages: such responses depend on the session and must be
        cached privately.

        Unlike Wagtail's `public()`, which reads every view restriction in a
        query of its own first, the restriction test is a subquery, so an
        anonymous listing is one query. The expiry test hides a page at its
        exact expiry time, without waiting for `publish_scheduled`.
        """
        restrictions = PageViewRestriction.objects.all()
        if request is not None and request.user.is_authenticated:
            passed = [
                restriction.pk
                for restriction in restrictions.prefetch_related("groups")
                if restriction.accept_request(request)
            ]
            restrictions = restrictions.exclude(pk__in=passed)
        restricted = restrictions.filter(StartsWith(OuterRef("path"), F("page__path")))
        # An alias shows its source's content, so its source's restrictions apply too.
        source_restricted = restrictions.filter(
            StartsWith(OuterRef("alias_of__path"), F("page__path"))
        )
        return self.filter(
            Q(live=True), self.not_expired_q(), ~Exists(restricted), ~Exists(source_restricted)
        )

    def not_expired_q(self):
        return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
