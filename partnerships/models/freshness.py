import datetime

from django.db import models, transaction
from django.utils import timezone

NEVER_CHANGED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class ContentVersion(models.Model):
    """One row: when anything a reader can see last changed.

    Publishing, unpublishing, moving or deleting a page, a change of view
    restrictions, people or images bumps it. HTTP validators (ETag and
    Last-Modified) of listings, details and feeds derive from it, so answering
    a revalidation with 304 costs one primary-key read.
    """

    changed_at = models.DateTimeField()

    SINGLETON_ID = 1

    def __str__(self):
        return f"Content last changed at {self.changed_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def current(cls) -> datetime.datetime:
        changed_at = (
            cls.objects.filter(pk=cls.SINGLETON_ID).values_list("changed_at", flat=True).first()
        )
        return changed_at or NEVER_CHANGED

    @classmethod
    def bump(cls):
        """Record a change once the surrounding transaction commits.

        Bumping after the commit means nobody can read the new version while the
        old content is still what the database returns.
        """
        transaction.on_commit(
            lambda: cls.objects.update_or_create(
                pk=cls.SINGLETON_ID, defaults={"changed_at": timezone.now()}
            )
        )
