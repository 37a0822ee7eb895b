"""When what readers see last changed, and when it will change next by itself.

Every HTTP validator (ETag, Last-Modified) and every response-cache key of a
reader surface derives from this one row, so answering a revalidation costs
one primary-key read.
"""

import datetime
from typing import NamedTuple

from django.db import models, transaction
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page, Revision

NEVER_CHANGED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class Freshness(NamedTuple):
    """What a reader-facing response is valid for."""

    # When what readers see last changed: a publish, an unpublish, a move… or a
    # scheduled expiry or go-live time that has passed.
    version: datetime.datetime
    # The next scheduled expiry or go-live, if any: no response may be kept
    # beyond it, because something listed may vanish (or appear) at that moment.
    fresh_until: datetime.datetime | None


class ContentVersion(models.Model):
    """One row: when anything a reader can see last changed, and the next scheduled change.

    Publishing, unpublishing, moving or deleting a page, a change of view
    restrictions, sites, people or images bumps it. Time changes it too: a
    page expires at its `expire_at` whether or not `publish_scheduled` runs,
    so the soonest expiry or go-live still to come is kept here, and the
    version moves on by itself once that moment has passed.
    """

    changed_at = models.DateTimeField()
    next_change_at = models.DateTimeField(null=True)

    SINGLETON_ID = 1

    def __str__(self):
        return f"Content last changed at {self.changed_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def current(cls) -> Freshness:
        """The validators' source: one primary-key read (two more when a scheduled time passed)."""
        row = (
            cls.objects.filter(pk=cls.SINGLETON_ID)
            .values_list("changed_at", "next_change_at")
            .first()
        )
        if row is None:
            return Freshness(NEVER_CHANGED, None)
        changed_at, next_change_at = row
        if next_change_at is not None and next_change_at <= timezone.now():
            return cls._pass_scheduled_change(next_change_at)
        return Freshness(changed_at, next_change_at)

    @classmethod
    def recorded(cls, using=None):
        """The row's own `changed_at` on one database: what a replica has replayed."""
        changed_at = (
            cls.objects.using(using)
            .filter(pk=cls.SINGLETON_ID)
            .values_list("changed_at", flat=True)
            .first()
        )
        return changed_at or NEVER_CHANGED

    @classmethod
    def bump(cls):
        """Record a change once the surrounding transaction commits.

        Bumping after the commit means nobody can read the new version while the
        old content is still what the database returns.
        """
        transaction.on_commit(cls._record_change)

    @classmethod
    def _record_change(cls):
        now = timezone.now()
        cls.objects.update_or_create(
            pk=cls.SINGLETON_ID,
            defaults={"changed_at": now, "next_change_at": next_scheduled_change(after=now)},
        )

    @classmethod
    def _pass_scheduled_change(cls, passed_at) -> Freshness:
        """A scheduled expiry or go-live has passed: that moment is the new version.

        The first reader to notice looks up the next scheduled change; the
        conditional update lets exactly one of several concurrent readers
        record it, and the others answer with what they found, which is the same.
        """
        upcoming = next_scheduled_change(after=timezone.now())
        cls.objects.filter(pk=cls.SINGLETON_ID, next_change_at=passed_at).update(
            changed_at=passed_at, next_change_at=upcoming
        )
        return Freshness(passed_at, upcoming)


def next_scheduled_change(after):
    """The soonest moment after `after` at which a page expires or is due to go live."""
    expiries = Page.objects.filter(live=True, expire_at__gt=after).aggregate(at=Min("expire_at"))
    go_lives = Revision.objects.filter(approved_go_live_at__gt=after).aggregate(
        at=Min("approved_go_live_at")
    )
    moments = [moment for moment in (expiries["at"], go_lives["at"]) if moment is not None]
    return min(moments, default=None)
