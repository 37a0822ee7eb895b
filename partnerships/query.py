from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


class VisiblePageQuerySet(PageQuerySet):
    def visible(self):
        """What an anonymous reader may see: live, public and not past its expiry time.

        Unlike Wagtail's `public()`, which reads every view restriction in a
        query of its own first, the restriction test is a subquery, so a
        listing is one query. The expiry test hides a page at its exact expiry
        time, without waiting for `publish_scheduled` to unpublish it.
        """
        restricted = PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
        return self.filter(Q(live=True), self.not_expired_q(), ~Exists(restricted))

    def not_expired_q(self):
        return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
