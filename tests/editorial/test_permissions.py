"""Who may do what: editors write and submit, moderators review and publish."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from partnerships.editorial.review import workflow_name
from partnerships.models import ArticlePage, WebinarPage
from tests.support.admin_forms import add_url, edit_url, form_values
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def new_webinar_values(client, topic, **changes):
    values = form_values(client.get(add_url(WebinarPage, topic)))
    values.update(
        title="Libraries and public health",
        slug="libraries-and-public-health",
        starts_at="2027-03-02 15:00",
        ends_at="2027-03-02 16:00",
        **changes,
    )
    return values


@pytest.fixture
def draft(topic, editor):
    """A news draft an editor wrote and has not submitted."""
    page = ArticleFactory(parent=topic, title="Draft news", live=False, owner=editor)
    page.save_revision(user=editor)
    return page


@pytest.fixture
def submitted(draft, editor):
    """The draft, submitted for review."""
    draft.get_workflow().start(draft, editor)
    return draft


@pytest.fixture
def other_section(home):
    """A section of the site outside the topics tree, with a draft in it."""
    root = Page.get_first_root_node()
    section = root.add_child(instance=Page(title="Staff handbook", slug="staff"))
    draft = section.add_child(instance=Page(title="Pay scales", slug="pay", live=False))
    draft.save_revision()
    return section, draft


def test_every_page_under_the_home_page_goes_through_editorial_review(topic, editorial_roles):
    assert topic.get_workflow().name == workflow_name()
    assert ArticleFactory(parent=topic).get_workflow().name == workflow_name()


def test_editor_sees_submit_for_review_and_no_publish_button(client, editor, topic):
    client.force_login(editor)
    response = client.get(add_url(WebinarPage, topic))

    assert response.status_code == 200
    assert 'name="action-submit"' in response.text
    assert 'name="action-publish"' not in response.text


def test_editor_cannot_publish_past_review_even_with_a_crafted_post(client, editor, topic):
    client.force_login(editor)
    values = new_webinar_values(client, topic, **{"action-publish": "action-publish"})

    response = client.post(add_url(WebinarPage, topic), values)

    assert response.status_code == 302
    webinar = WebinarPage.objects.get(slug="libraries-and-public-health")
    assert not webinar.live
    assert webinar.has_unpublished_changes
    assert not WebinarPage.objects.live().filter(pk=webinar.pk).exists()


def test_editor_cannot_publish_an_existing_draft_with_a_crafted_post(client, editor, draft):
    client.force_login(editor)
    values = form_values(client.get(edit_url(draft)))
    values["action-publish"] = "action-publish"

    client.post(edit_url(draft), values)

    assert not ArticlePage.objects.get(pk=draft.pk).live


def test_editor_submits_a_webinar_and_moderators_are_emailed(
    client, editor, moderator, topic, mailoutbox
):
    client.force_login(editor)
    values = new_webinar_values(client, topic, **{"action-submit": "action-submit"})

    client.post(add_url(WebinarPage, topic), values)

    webinar = WebinarPage.objects.get(slug="libraries-and-public-health")
    assert not webinar.live
    assert webinar.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert webinar.current_workflow_task.name == "Review by a moderator"
    to_moderator = [m for m in mailoutbox if moderator.email in m.to]
    assert to_moderator and "Libraries and public health" in to_moderator[0].subject


def test_editor_cannot_approve_their_own_submission(client, editor, submitted):
    client.force_login(editor)
    task_state = submitted.current_workflow_state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(submitted.pk, "approve", task_state.pk)
    )

    response = client.post(url, {"comment": "Looks fine to me"})

    assert response.status_code in {302, 403}  # Wagtail redirects with "permission denied"
    assert not ArticlePage.objects.get(pk=submitted.pk).live


def test_moderator_approves_with_a_comment_and_the_page_goes_live(
    client, moderator, editor, submitted, mailoutbox
):
    client.force_login(moderator)
    task_state = submitted.current_workflow_state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(submitted.pk, "approve", task_state.pk)
    )

    client.post(url, {"comment": "Good to go."})

    assert ArticlePage.objects.get(pk=submitted.pk).live
    assert TaskState.objects.get(pk=task_state.pk).comment == "Good to go."
    assert any(editor.email in m.to and "approved" in m.subject for m in mailoutbox)


def test_moderator_rejects_with_a_comment_and_the_editor_is_told(
    client, moderator, editor, submitted, mailoutbox
):
    client.force_login(moderator)
    task_state = submitted.current_workflow_state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(submitted.pk, "reject", task_state.pk)
    )

    client.post(url, {"comment": "Please add the date of the event."})

    page = ArticlePage.objects.get(pk=submitted.pk)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(pk=task_state.pk).comment == "Please add the date of the event."
    rejection = [m for m in mailoutbox if editor.email in m.to and "rejected" in m.subject]
    assert rejection and "Please add the date of the event." in rejection[0].body


def test_moderator_publishes_directly(client, moderator, draft):
    client.force_login(moderator)
    values = form_values(client.get(edit_url(draft)))
    values["action-publish"] = "action-publish"

    client.post(edit_url(draft), values)

    assert ArticlePage.objects.get(pk=draft.pk).live


def test_editor_cannot_edit_outside_the_topics_tree(client, editor, other_section):
    section, _ = other_section
    client.force_login(editor)

    assert client.get(edit_url(section)).status_code in {302, 403}
    values = {"title": "Changed by an editor", "slug": "staff"}
    client.post(edit_url(section), values)
    assert Page.objects.get(pk=section.pk).title == "Staff handbook"


def test_editor_cannot_add_pages_outside_the_topics_tree(client, editor, other_section):
    section, _ = other_section
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(section.pk,)))

    assert response.status_code in {302, 403}


def test_editor_cannot_see_drafts_outside_the_topics_tree(client, editor, other_section):
    section, draft = other_section
    client.force_login(editor)

    assert client.get(reverse("wagtailadmin_pages:view_draft", args=(draft.pk,))).status_code in {
        302,
        403,
    }
    assert client.get(edit_url(draft)).status_code in {302, 403}
    explorer = client.get(reverse("wagtailadmin_explore", args=(section.pk,)))
    assert "Pay scales" not in explorer.text
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Pay scales"})
    assert search.status_code == 200
    assert edit_url(draft) not in search.text


def test_editor_can_see_and_edit_drafts_in_the_topics_tree(client, editor, draft):
    client.force_login(editor)

    assert client.get(edit_url(draft)).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:view_draft", args=(draft.pk,))).status_code == 200
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Draft news"})
    assert edit_url(draft) in search.text


def test_drafts_in_review_never_appear_publicly(client, submitted, topic):
    assert client.get(submitted.get_url()).status_code == 404
    assert "Draft news" not in client.get(topic.url).text
