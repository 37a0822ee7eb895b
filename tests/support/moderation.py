"""Editors and moderators at work in the admin, posting its forms as their browsers would."""

from django.urls import reverse
from wagtail.models import Page

from .admin_forms import edit_url, form_values, snippet_url


def edit_page(client, page, action="action-submit", **changes):
    """Post the page's edit form with `changes`: submitted for review, or a draft (None)."""
    values = form_values(client.get(edit_url(page)))
    values.update(changes)
    if action:
        values[action] = action
    response = client.post(edit_url(page), values)
    assert response.status_code == 302, form_errors(response)
    return response


def approve_page(client, page, comment=""):
    """Approve the page's current review task (the moderator's “Approve and Publish”)."""
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": comment})


def edit_snippet(client, obj, action="action-submit", **changes):
    """Post a person's or partner's edit form: submitted for review, or a draft (None)."""
    url = snippet_url(type(obj), "edit", obj.pk)
    values = form_values(client.get(url), field_in_form="name")
    values.update(changes)
    if action:
        values[action] = action
    response = client.post(url, values)
    assert response.status_code == 302, form_errors(response)
    return response


def approve_snippet(client, obj, comment=""):
    obj = type(obj).objects.get(pk=obj.pk)
    task_state = obj.current_workflow_state.current_task_state
    url = snippet_url(type(obj), "workflow_action", obj.pk, "approve", task_state.pk)
    return client.post(url, {"comment": comment})


def form_errors(response):
    return response.content.decode()[:2000] if response.status_code == 200 else response
