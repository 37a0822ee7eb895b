"""The Editors and Moderators groups, the review workflow, and the demo's accounts."""

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage

from home.models import HomePage
from partnerships.roles import EDITORS, MODERATORS, WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def load_demo(**options):
    out = io.StringIO()
    call_command("load_demo", site_url="http://testserver", stdout=out, **options)
    return out.getvalue()


def page_permissions(group_name):
    return {
        (p.page.specific_class.__name__, p.permission.codename)
        for p in GroupPagePermission.objects.filter(group__name=group_name)
    }


def test_roles_cover_the_topics_tree_and_nothing_else(db):
    load_demo()

    assert page_permissions(EDITORS) == {("HomePage", "add_page"), ("HomePage", "change_page")}
    assert page_permissions(MODERATORS) == {
        ("HomePage", codename)
        for codename in ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
    }
    editors = Group.objects.get(name=EDITORS)
    assert editors.permissions.filter(codename="access_admin").exists()
    assert not editors.permissions.filter(codename="delete_person").exists()


def test_editorial_review_is_a_moderators_task_on_the_home_page(db):
    load_demo()

    home = HomePage.objects.get()
    workflow = WorkflowPage.objects.get(page=home).workflow
    assert workflow.name == WORKFLOW_NAME and workflow.active
    (task,) = [t.specific for t in workflow.tasks.all()]
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_setting_up_roles_again_changes_nothing(db):
    load_demo()
    counts = (
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        WorkflowPage.objects.count(),
        Group.objects.count(),
    )

    call_command("set_up_editorial_roles", stdout=io.StringIO())
    load_demo()

    assert (
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        WorkflowPage.objects.count(),
        Group.objects.count(),
    ) == counts


def test_set_up_command_refuses_an_unknown_root(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no page with ID 999999"):
        call_command("set_up_editorial_roles", root=999999, stdout=io.StringIO())


def test_set_up_command_can_take_another_root(home):
    section = Page.get_first_root_node().add_child(instance=Page(title="Intranet", slug="in"))

    call_command("set_up_editorial_roles", root=section.pk, stdout=io.StringIO())

    assert {p.page_id for p in GroupPagePermission.objects.filter(group__name=EDITORS)} == {
        section.pk
    }


def test_demo_creates_an_editor_and_a_moderator_with_passwords_shown_once(db):
    first = load_demo(create_admin=True)
    again = load_demo(create_admin=True)

    passwords = dict(re.findall(r"Created (?:superuser )?'(\w+)'.*?with password (\S+) ", first))
    assert set(passwords) == {"admin", "editor", "moderator"}
    assert len(set(passwords.values())) == 3
    for username, group in [("editor", EDITORS), ("moderator", MODERATORS)]:
        user = authenticate(username=username, password=passwords[username])
        assert user is not None and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group]
    assert "with password" not in again
    for password in passwords.values():
        assert password not in again
