"""How the admin tells editors where each webinar stands."""

from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from wagtail.models import WorkflowState, get_default_page_content_type

UPCOMING, PAST, DRAFT, IN_REVIEW = "upcoming", "past", "draft", "in review"


def with_editorial_status(webinars):
    """Webinars with what their status needs loaded up front, so a listing is a few queries."""
    in_review = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=get_default_page_content_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    return (
        webinars.annotate(in_review=Exists(in_review))
        .select_related("topic")
        .prefetch_related("presenters__person")
    )


def editorial_status(webinar):
    """Upcoming, past, draft or in review: the first thing an editor wants to know."""
    if webinar.in_review:
        return IN_REVIEW
    if not webinar.live:
        return DRAFT
    return UPCOMING if webinar.is_upcoming else PAST


def presenter_names(webinar):
    return ", ".join(credit.person.name for credit in webinar.presenters.all())
