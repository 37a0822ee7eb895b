"""The editorial roles and the review every news item and webinar goes through.

Editors write and submit for review; Moderators review, approve or reject with
a comment, publish and schedule. Both act only on the pages below one root,
the topics tree. `set_up_editorial_roles` may run any number of times.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Review by a moderator"

# "add" lets a user create pages and edit the ones they own; "change" lets them
# edit any page in the tree. Only "publish" makes changes public.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "partnerships.add_person",
        "partnerships.change_person",
        "partnerships.view_person",
        "partnerships.add_partner",
        "partnerships.change_partner",
        "partnerships.view_partner",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "partnerships.add_person",
        "partnerships.change_person",
        "partnerships.delete_person",
        "partnerships.view_person",
        "partnerships.add_partner",
        "partnerships.change_partner",
        "partnerships.delete_partner",
        "partnerships.view_partner",
    ],
}
# Both roles upload and choose pictures for their pages.
IMAGE_PERMISSIONS = ["wagtailimages.add_image", "wagtailimages.choose_image"]


def permission(dotted_name):
    app_label, codename = dotted_name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def set_up_editorial_roles(root):
    """Give Editors and Moderators the topics tree under `root`, and route it through review.

    Wagtail's install creates both groups with rights over the whole page tree;
    these are narrowed to `root` and its descendants, so nobody in them edits
    outside the topics tree.
    """
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    root_collection = Collection.get_first_root_node()
    for name, group in groups.items():
        wanted = [permission(f"wagtailcore.{codename}") for codename in PAGE_PERMISSIONS[name]]
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root, permission__in=wanted
        ).delete()
        for page_permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=page_permission
            )
        group.permissions.add(*(permission(name) for name in MODEL_PERMISSIONS[name]))
        for image_permission in IMAGE_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(image_permission)
            )

    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.set([groups[MODERATORS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return groups[EDITORS], groups[MODERATORS]
