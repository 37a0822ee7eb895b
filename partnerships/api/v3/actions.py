"""The editorial review in API v3: `actions/submit/`, `actions/approve/`, `actions/reject/`.

Wagtail's v3 has actions to publish, copy or move a page, but none for its
workflows, so an editor's client could write a draft and never ask for the
review. These are shaped like Wagtail's own actions (a POST under the page,
a bearer token, the page in the answer, problems as application/problem+json)
and go through Wagtail's workflow API, as the admin's buttons do: the same
permission checks, the same log entries, and a moderator's approval of the
last task publishes the page.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema
from ninja.errors import HttpError
from pydantic import PositiveInt
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.permissions import require_any_permission
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page, WorkflowState

router = Router(auth=BearerTokenAuth(), tags=["pages"])


class ReviewCommentSchema(Schema):
    comment: str = ""


def specific_page(page_id):
    return get_object_or_404(Page, pk=page_id).specific


def page_action(name, summary):
    """The route of `actions/<name>/`, named and answered as Wagtail's own page actions are."""
    return router.post(
        f"/{{page_id}}/actions/{name}/",
        response=PageDetailSchema,
        url_name=f"pages_actions_{name}",
        summary=summary,
        operation_id=f"pages_actions_{name}",
    )


@page_action("submit", summary="Submit page for review")
@require_any_permission(Page, ("add", "change"))
def submit(request: HttpRequest, page_id: PositiveInt):
    """Start the page's workflow on its latest revision, as the admin's "Submit for review"."""
    page = specific_page(page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None:
        raise HttpError(409, _("No review workflow is set up for this page."))
    if page.workflow_in_progress:
        raise HttpError(409, _("This page is already waiting for review."))
    lock = page.get_lock()
    if lock and lock.for_user(request.user):
        raise HttpError(409, _("This page is locked."))
    with transaction.atomic():
        if page.get_latest_revision() is None:
            page.save_revision(user=request.user)
        state = page.current_workflow_state
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # Sent back by a moderator: the admin resumes that review, at the task that asked.
            state.resume(request.user)
        else:
            workflow.start(page, request.user)
    return page


def act_on_review(request, page_id, action_name, comment):
    page = specific_page(page_id)
    task_state = page.current_workflow_task_state
    if task_state is None:
        raise HttpError(409, _("This page is not waiting for review."))
    task = task_state.task.specific
    if action_name not in {name for name, _label, _modal in task.get_actions(page, request.user)}:
        raise PermissionDenied(_("Only the task's reviewers can do this."))
    task.on_action(task_state, request.user, action_name, comment=comment)
    return page.specific_class.objects.get(pk=page.pk)


@page_action("approve", summary="Approve the page's current review task")
def approve(
    request: HttpRequest,
    page_id: PositiveInt,
    data: ReviewCommentSchema = Body(ReviewCommentSchema()),  # noqa: B008
):
    """The admin's "Approve": the last task approved publishes the revision under review."""
    return act_on_review(request, page_id, "approve", data.comment)


@page_action("reject", summary="Request changes to the page")
def reject(
    request: HttpRequest,
    page_id: PositiveInt,
    data: ReviewCommentSchema = Body(ReviewCommentSchema()),  # noqa: B008
):
    """The admin's "Request changes": the review ends and the page stays as it was."""
    return act_on_review(request, page_id, "reject", data.comment)
