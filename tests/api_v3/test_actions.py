"""An editor's client submits a draft for review; a moderator's approves and publishes it."""

from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState

from partnerships.models import WebinarPage
from tests.support.v3_writes import problem_messages, v3_post


def submit(client, page, token, status=None):
    return v3_post(client, f"{page.pk}/actions/submit/", token, status=status)


def test_submitting_starts_the_editorial_review_on_the_latest_revision(
    client, draft, editor, editor_token
):
    response = submit(client, draft, editor_token, status=200)

    assert response.json()["id"] == draft.pk
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Editorial review"
    assert state.requested_by == editor
    assert state.current_task_state.revision == draft.get_latest_revision()
    assert not WebinarPage.objects.get(pk=draft.pk).live


def test_submitting_twice_is_a_conflict(client, draft, editor_token):
    submit(client, draft, editor_token, status=200)

    response = submit(client, draft, editor_token, status=409)

    assert problem_messages(response) == ["This page is already waiting for review."]
    assert WorkflowState.objects.filter(object_id=str(draft.pk)).count() == 1


def test_submitting_where_no_workflow_applies_is_a_conflict(client, draft, editor_token):
    WorkflowPage.objects.all().delete()

    response = submit(client, draft, editor_token, status=409)

    assert problem_messages(response) == ["No review workflow is set up for this page."]
    assert not WorkflowState.objects.exists()


def test_submitting_without_a_token_is_unauthorised(client, draft):
    response = client.post(f"/api/v3/pages/{draft.pk}/actions/submit/")

    assert response.status_code == 401
    assert not WorkflowState.objects.exists()


def test_submitting_a_missing_page_is_not_found(client, draft, editor_token):
    v3_post(client, "999999/actions/submit/", editor_token, status=404)


def test_the_editor_cannot_publish(client, draft, editor_token):
    submit(client, draft, editor_token, status=200)

    v3_post(client, f"{draft.pk}/actions/publish/", editor_token, status=403)

    assert not WebinarPage.objects.get(pk=draft.pk).live


def test_the_editor_cannot_approve_their_own_submission(client, draft, editor_token):
    submit(client, draft, editor_token, status=200)

    v3_post(client, f"{draft.pk}/actions/approve/", editor_token, status=403)

    assert not WebinarPage.objects.get(pk=draft.pk).live


def test_a_moderator_approves_and_the_webinar_is_live_for_readers(
    client, draft, editor_token, moderator_token, committed
):
    submit(client, draft, editor_token, status=200)

    with committed():
        response = v3_post(
            client,
            f"{draft.pk}/actions/approve/",
            moderator_token,
            {"comment": "Thanks, all good."},
            status=200,
        )

    assert response.json()["meta"]["first_published_at"] is not None
    webinar = WebinarPage.objects.get(pk=draft.pk)
    assert webinar.live and not webinar.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.current_task_state.comment == "Thanks, all good."
    items = client.get("/api/v2/items/").json()["items"]
    assert [item["id"] for item in items] == [draft.pk]


def test_a_moderator_publishes_with_wagtails_own_action(
    client, draft, editor_token, moderator_token, committed
):
    submit(client, draft, editor_token, status=200)

    with committed():
        v3_post(client, f"{draft.pk}/actions/publish/", moderator_token, status=200)

    assert WebinarPage.objects.get(pk=draft.pk).live
    # As in the admin, publishing outside the review cancels it.
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert [item["id"] for item in client.get("/api/v2/items/").json()["items"]] == [draft.pk]


def test_a_moderator_requests_changes_and_the_page_stays_a_draft(
    client, draft, editor_token, moderator_token
):
    submit(client, draft, editor_token, status=200)

    v3_post(
        client,
        f"{draft.pk}/actions/reject/",
        moderator_token,
        {"comment": "Add the registration deadline."},
        status=200,
    )

    assert not WebinarPage.objects.get(pk=draft.pk).live
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # Corrected, it goes back to the same review.
    submit(client, draft, editor_token, status=200)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_approving_what_is_not_in_review_is_a_conflict(client, draft, moderator_token):
    response = v3_post(client, f"{draft.pk}/actions/approve/", moderator_token, status=409)

    assert problem_messages(response) == ["This page is not waiting for review."]


def test_the_review_is_wagtails_own_workflow(draft):
    assert (
        Workflow.objects.get(name="Editorial review")
        .workflow_pages.filter(page__in=Page.objects.ancestor_of(draft))
        .exists()
    )
