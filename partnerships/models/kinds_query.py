"""Listing queries that reach into each kind's own table.

Cards read their kind's fields (a webinar's times and links), and kinds that happen
at a time (`schedule_fields`, as webinars have) are upcoming until they end: the one
rule for “upcoming”, `not_ended()`, is written here and nowhere else.
"""

from functools import reduce
from operator import or_

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.fields import StreamField


def not_ended(end_field="ends_at"):
    """The one rule for “upcoming”: it has not ended yet (so one in progress is upcoming)."""
    return Q(**{f"{end_field}__gt": timezone.now()})


def direct_kinds(base):
    """(link name, model) of each kind whose table links straight to `base`'s."""
    return [
        (relation.get_accessor_name(), relation.related_model)
        for relation in base._meta.related_objects
        if relation.one_to_one and relation.parent_link
    ]


def scheduled_kinds(base):
    """(link name, start field, end field) of each kind of `base` that happens at a time."""
    return [
        (accessor, *model.schedule_fields)
        for accessor, model in direct_kinds(base)
        if model.schedule_fields
    ]


class KindsQuerySetMixin:
    """For the shared table's queryset (`ListablePage.objects`)."""

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

    def upcoming(self):
        """Items of kinds with a schedule (webinars, a host's events) that have not ended.

        Soonest first. Kinds name their start and end fields in `schedule_fields`.
        """
        schedules = scheduled_kinds(self.model)
        if not schedules:
            return self.none()
        starts = [F(f"{accessor}__{start}") for accessor, start, _ in schedules]
        soonest = starts[0] if len(starts) == 1 else Coalesce(*starts)
        not_ended_yet = reduce(or_, [not_ended(f"{a}__{end}") for a, _, end in schedules])
        return self.filter(not_ended_yet).order_by(soonest.asc(), "pk")

    def past(self):
        """Items of kinds with a schedule that have ended."""
        schedules = scheduled_kinds(self.model)
        if not schedules:
            return self.none()
        scheduled = reduce(or_, [Q(**{f"{a}__isnull": False}) for a, _, _ in schedules])
        not_ended_yet = reduce(or_, [not_ended(f"{a}__{end}") for a, _, end in schedules])
        return self.filter(scheduled).exclude(not_ended_yet)
