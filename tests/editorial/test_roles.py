"""The plugin's editor and moderator groups, the review workflow, and the demo's accounts.

Setting the roles up only adds: a host's own groups (Wagtail's "Editors" and
"Moderators" included), their permissions and a workflow already assigned to
the root page are left exactly as they were.
"""

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HomePage
from partnerships.editorial.review import TASK_NAME, workflow_name
from partnerships.editorial.roles import EDITOR, MODERATOR, group_name, set_up_editorial_roles
from partnerships.models import Partner, Person

pytestmark = pytest.mark.django_db


def load_demo(**options):
    out = io.StringIO()
    call_command("load_demo", site_url="http://testserver", stdout=out, **options)
    return out.getvalue()


def set_up_roles(**options):
    out = io.StringIO()
    call_command("set_up_editorial_roles", stdout=out, **options)
    return out.getvalue()


def page_permissions(name):
    return {
        (p.page.specific_class.__name__, p.permission.codename)
        for p in GroupPagePermission.objects.filter(group__name=name)
    }


def permissions_of(name):
    """Everything a group may do, as comparable rows."""
    group = Group.objects.get(name=name)
    return {
        "pages": sorted(
            GroupPagePermission.objects.filter(group=group).values_list(
                "page_id", "permission__codename"
            )
        ),
        "collections": sorted(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection_id", "permission__codename"
            )
        ),
        "models": sorted(group.permissions.values_list("content_type__app_label", "codename")),
    }


def everything_roles_touch():
    """Every group's permissions and every workflow's set-up, as comparable rows."""
    return {
        "groups": {
            name: permissions_of(name) for name in Group.objects.values_list("name", flat=True)
        },
        "workflows": sorted(Workflow.objects.values_list("pk", "name", "active")),
        "tasks": sorted(Task.objects.values_list("pk", "name", "active")),
        "workflow tasks": sorted(
            WorkflowTask.objects.values_list("workflow_id", "task_id", "sort_order")
        ),
        "task groups": sorted(GroupApprovalTask.groups.through.objects.values_list()),
        "workflow pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "workflow models": sorted(
            WorkflowContentType.objects.values_list("content_type_id", "workflow_id")
        ),
    }


@pytest.fixture
def network(home):
    """Two sites sharing Wagtail's default groups, which may edit both and everything above."""
    other = Page.get_first_root_node().add_child(instance=HomePage(title="Branch site", slug="b"))
    Site.objects.create(hostname="branch.example.org", root_page=other)
    add, change = (Permission.objects.get(codename=name) for name in ("add_page", "change_page"))
    for name in ("Editors", "Moderators"):
        for page in (home, other):
            for right in (add, change):
                GroupPagePermission.objects.create(
                    group=Group.objects.get(name=name), page=page, permission=right
                )
    return home, other


def test_roles_cover_the_topics_tree(db):
    load_demo()

    assert page_permissions(group_name(EDITOR)) == {
        ("HomePage", "add_page"),
        ("HomePage", "change_page"),
    }
    assert page_permissions(group_name(MODERATOR)) == {
        ("HomePage", codename)
        for codename in ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
    }
    editors = Group.objects.get(name=group_name(EDITOR))
    assert editors.permissions.filter(codename="access_admin").exists()
    assert not editors.permissions.filter(codename__in=["delete_person", "publish_person"]).exists()
    moderators = Group.objects.get(name=group_name(MODERATOR))
    assert moderators.permissions.filter(codename="publish_partner").exists()


def test_editors_upload_and_choose_images_and_documents_moderators_change_anyones(db):
    load_demo()
    root = Collection.get_first_root_node()

    editors = {c for i, c in permissions_of(group_name(EDITOR))["collections"] if i == root.pk}
    moderators = {c for i, c in permissions_of(group_name(MODERATOR))["collections"]}

    assert editors == {"add_image", "choose_image", "add_document", "choose_document"}
    assert {"change_image", "change_document", "choose_image", "choose_document"} <= moderators


def test_editorial_review_is_a_moderators_task_on_the_home_page_people_and_partners(db):
    load_demo()

    home = HomePage.objects.get()
    workflow = WorkflowPage.objects.get(page=home).workflow
    assert workflow.name == workflow_name() == "Editorial review" and workflow.active
    (task,) = [t.specific for t in workflow.tasks.all()]
    assert isinstance(task, GroupApprovalTask) and task.name == TASK_NAME
    assert list(task.groups.values_list("name", flat=True)) == [group_name(MODERATOR)]
    for model in (Person, Partner):
        content_type = ContentType.objects.get_for_model(model)
        assert WorkflowContentType.objects.get(content_type=content_type).workflow == workflow
        assert model(name="New").get_workflow() == workflow


def test_wagtails_own_groups_keep_exactly_the_permissions_they_had(network):
    home, other = network
    before = {name: permissions_of(name) for name in ("Editors", "Moderators")}
    assert before["Editors"]["pages"], "Wagtail's install gives Editors the whole tree"
    assert before["Editors"]["collections"], "…and the images and documents in the root collection"

    set_up_editorial_roles(home)
    set_up_roles()

    after = {name: permissions_of(name) for name in ("Editors", "Moderators")}
    assert after == before
    other_site_editor = Group.objects.get(name="Editors")
    assert GroupPagePermission.objects.filter(group=other_site_editor, page=other).count() == 2


def test_setting_up_roles_again_changes_nothing(network):
    first = set_up_roles()
    before = everything_roles_touch()

    again = set_up_roles()
    load_demo()
    set_up_roles()

    assert everything_roles_touch() == before
    assert "Created the group “Partnership editors”." in first
    assert "Nothing to change" in again


def test_a_second_site_root_adds_to_the_groups_instead_of_moving_them(network):
    home, other = network

    set_up_roles(root=home.pk)
    set_up_roles(root=other.pk)

    editors = GroupPagePermission.objects.filter(group__name=group_name(EDITOR))
    assert {p.page_id for p in editors} == {home.pk, other.pk}


@override_settings(PARTNERSHIPS={"EDITOR_GROUP": "News writers", "MODERATOR_GROUP": "News desk"})
def test_group_names_come_from_the_partnerships_setting(home):
    roles = set_up_editorial_roles(home)

    assert (roles.editors.name, roles.moderators.name) == ("News writers", "News desk")
    assert not Group.objects.filter(name__startswith="Partnership").exists()


def test_a_workflow_the_host_assigned_to_the_root_page_stays_and_is_reported(home):
    legal = Workflow.objects.create(name="Legal review")
    WorkflowPage.objects.create(page=home, workflow=legal)

    out = set_up_roles()

    assert WorkflowPage.objects.get(page=home).workflow == legal
    assert "Left the workflow “Legal review”" in out and "--replace-workflow" in out
    assert Person(name="New").get_workflow().name == "Editorial review"


def test_the_host_can_ask_for_the_review_workflow_instead(home):
    WorkflowPage.objects.create(page=home, workflow=Workflow.objects.create(name="Legal review"))

    out = set_up_roles(replace_workflow=True)

    assert WorkflowPage.objects.get(page=home).workflow.name == "Editorial review"
    assert "Replaced the workflow “Legal review” with “Editorial review”" in out


def test_a_publish_right_on_the_editors_group_is_taken_back(home):
    roles = set_up_editorial_roles(home)
    GroupPagePermission.objects.create(
        group=roles.editors, page=home, permission=Permission.objects.get(codename="publish_page")
    )
    roles.editors.permissions.add(Permission.objects.get(codename="publish_person"))

    out = set_up_roles()

    assert not GroupPagePermission.objects.filter(
        group=roles.editors, permission__codename="publish_page"
    ).exists()
    assert not roles.editors.permissions.filter(codename="publish_person").exists()
    assert "publish_page on “Home”" in out and "publish_person" in out


def test_a_site_set_up_with_wagtails_groups_keeps_them_as_approvers(home):
    """Before the plugin had groups of its own, Wagtail's Moderators approved the review task."""
    workflow = Workflow.objects.create(name="Editorial review")
    task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(Group.objects.get(name="Moderators"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=home, workflow=workflow)

    set_up_editorial_roles(home)

    assert [t.pk for t in workflow.tasks.all()] == [task.pk]
    assert set(task.groups.values_list("name", flat=True)) == {
        "Moderators",
        group_name(MODERATOR),
    }


def test_set_up_command_refuses_an_unknown_root(db):
    with pytest.raises(CommandError, match="no page with ID 999999"):
        set_up_roles(root=999999)


def test_set_up_command_can_take_another_root(home):
    section = Page.get_first_root_node().add_child(instance=Page(title="Intranet", slug="in"))

    set_up_roles(root=section.pk)

    editors = GroupPagePermission.objects.filter(group__name=group_name(EDITOR))
    assert {p.page_id for p in editors} == {section.pk}


def test_demo_creates_an_editor_and_a_moderator_with_passwords_shown_once(db):
    first = load_demo(create_admin=True)
    again = load_demo(create_admin=True)

    passwords = dict(re.findall(r"Created (?:superuser )?'(\w+)'.*?with password (\S+) ", first))
    assert set(passwords) == {"admin", "editor", "moderator"}
    assert len(set(passwords.values())) == 3
    for username, role in [("editor", EDITOR), ("moderator", MODERATOR)]:
        user = authenticate(username=username, password=passwords[username])
        assert user is not None and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group_name(role)]
    assert "with password" not in again
    for password in passwords.values():
        assert password not in again


def test_the_demo_moves_its_accounts_from_an_earlier_set_up_into_the_new_groups(
    django_user_model,
):
    editor = django_user_model.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Editors"))

    load_demo(create_admin=True)

    assert set(editor.groups.values_list("name", flat=True)) == {"Editors", group_name(EDITOR)}
