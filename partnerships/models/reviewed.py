"""Snippets whose changes a moderator reviews before readers see them: people and partners.

Wagtail's draft state keeps a live object's row as the published version; an
editor's change is a revision until it is published. So readers, who read the
row, see the live version, provided objects that are not live are left out:
`is_shown`, `shown_q()` and `ReviewedQuerySet.shown()` (in `visibility`) say which, the one rule
every reader surface (pages, API, JSON-LD, search index) applies.
"""

from django.db import models
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from .visibility import ReviewedQuerySet, is_expired

# What Wagtail writes to a row when a draft is saved, a workflow moves on or the
# object is locked: none of it is the content readers see.
BOOKKEEPING_FIELDS = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"}
)


def writes_live_version(instance, update_fields):
    """Whether a save of `instance` changed the version readers see.

    Publishing saves the whole row of a live object; a draft of a live object
    updates only bookkeeping fields, and a draft that was never published is not
    shown at all.
    """
    if not instance.live:
        return False
    return update_fields is None or not set(update_fields) <= BOOKKEEPING_FIELDS


class ReviewedSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """A snippet with drafts, revisions, locking and the editorial review workflow.

    The order of the mixins is the one Wagtail requires.
    """

    objects = ReviewedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, clean=True, **kwargs):
        """Validate what readers will see, as Wagtail's `Page.save` does for a live page.

        The admin validates its forms; this holds scripts, imports and the shell
        to the same rules whenever they write the live row.
        """
        if clean and self.live and kwargs.get("update_fields") is None:
            self.full_clean()
        return super().save(*args, **kwargs)

    @property
    def is_shown(self):
        """Whether readers see this object (the Python side of `shown_q()`)."""
        return self.live and not is_expired(self)
