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
        restricted = PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
        if request is not None and request.user.is_authenticated:
            passed = [
                restriction.pk
                for restriction in PageViewRestriction.objects.prefetch_related("groups")
                if restriction.accept_request(request)
            ]
            restricted = restricted.exclude(pk__in=passed)
        return self.filter(Q(live=True), self.not_expired_q(), ~Exists(restricted))

    def not_expired_q(self):
        return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
