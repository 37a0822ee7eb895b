"""The editorial roles: editors write and submit; moderators review, publish and schedule.

`set_up_editorial_roles(root)` creates (or repairs) the plugin's own two groups,
named by `PARTNERSHIPS["EDITOR_GROUP"]` and `["MODERATOR_GROUP"]`, and gives them
the pages under `root`, people, partners, images and documents. It only ever
adds: other groups (Wagtail's "Editors" and "Moderators" among them) and the
permissions they hold elsewhere are left exactly as they were, so a network of
sites sharing groups keeps working, and it may run any number of times, once
per site root if you like. The one thing it takes away is a publishing right
found on its own editors group, since editors who publish skip the review.
The review itself is set up by `review.py`.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Workflow

from ..conf import partnerships_setting
from .review import set_up_review

EDITOR, MODERATOR = "editor", "moderator"

# "add" lets a user create pages and edit the ones they own; "change" lets them
# edit any page in the tree. Only "publish" makes changes public.
PAGE_PERMISSIONS = {
    EDITOR: ["add_page", "change_page"],
    MODERATOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# People and partners are reviewed snippets: "change" saves a draft, "publish" makes it public.
REVIEWED_SNIPPETS = ("person", "partner")
MODEL_PERMISSIONS = {
    EDITOR: [
        "wagtailadmin.access_admin",
        *(
            f"partnerships.{action}_{model}"
            for model in REVIEWED_SNIPPETS
            for action in ("add", "change", "view")
        ),
    ],
    MODERATOR: [
        "wagtailadmin.access_admin",
        *(
            f"partnerships.{action}_{model}"
            for model in REVIEWED_SNIPPETS
            for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")
        ),
    ],
}
# Wagtail's ownership policy: "add" uploads, and changes or deletes what the user
# uploaded themselves; "change" and "delete" act on anyone's; "choose" picks any
# of them for a page. So changing an image or document someone else uploaded
# needs a moderator.
COLLECTION_PERMISSIONS = {
    EDITOR: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    MODERATOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ],
}
# Rights that would let an editor change what readers see without a moderator.
EDITORS_NEVER = {
    "page": ["publish_page"],
    "model": [f"partnerships.publish_{model}" for model in REVIEWED_SNIPPETS],
    "collection": ["wagtailimages.change_image", "wagtaildocs.change_document"],
}


def group_name(role):
    return partnerships_setting({EDITOR: "EDITOR_GROUP", MODERATOR: "MODERATOR_GROUP"}[role])


@dataclass
class EditorialRoles:
    """What `set_up_editorial_roles` set up; `notes` say, in words, what it did or left alone."""

    editors: Group
    moderators: Group
    workflow: Workflow
    notes: list[str] = field(default_factory=list)


def permission(dotted_name):
    app_label, codename = dotted_name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def set_up_editorial_roles(root, replace_workflow=False):
    """Give the plugin's editors and moderators the pages under `root`, and review there.

    `replace_workflow`: assign the review workflow to `root` even when the host
    has already assigned another workflow to that page (otherwise theirs stays,
    and `notes` says so).
    """
    notes = []
    groups = {role: own_group(role, notes) for role in (EDITOR, MODERATOR)}
    for role, group in groups.items():
        grant(group, root, role, notes)
    withdraw_publishing(groups[EDITOR], notes)
    workflow = set_up_review(root, groups[MODERATOR], notes, replace=replace_workflow)
    return EditorialRoles(groups[EDITOR], groups[MODERATOR], workflow, notes)


def own_group(role, notes):
    group, created = Group.objects.get_or_create(name=group_name(role))
    if created:
        notes.append(_("Created the group “%(group)s”.") % {"group": group.name})
    return group


def grant(group, root, role, notes):
    """Add what the role needs; what the group already holds, here or elsewhere, stays."""
    added = []
    for codename in PAGE_PERMISSIONS[role]:
        right, created = GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=permission(f"wagtailcore.{codename}")
        )
        if created:
            added.append(_("%(right)s on “%(page)s”") % {"right": codename, "page": root.title})
    held = set(group.permissions.values_list("pk", flat=True))
    for dotted_name in MODEL_PERMISSIONS[role]:
        if permission(dotted_name).pk not in held:
            group.permissions.add(permission(dotted_name))
            added.append(dotted_name.split(".")[1])
    root_collection = Collection.get_first_root_node()
    for dotted_name in COLLECTION_PERMISSIONS[role]:
        right, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission(dotted_name)
        )
        if created:
            added.append(
                _("%(right)s in “%(collection)s”")
                % {"right": dotted_name.split(".")[1], "collection": root_collection.name}
            )
    if added:
        notes.append(
            _("Gave “%(group)s”: %(rights)s.") % {"group": group.name, "rights": ", ".join(added)}
        )


def withdraw_publishing(editors, notes):
    """Editors submit for review: a publishing right on their group is taken back."""
    removed = []
    page_rights = GroupPagePermission.objects.filter(
        group=editors, permission__codename__in=EDITORS_NEVER["page"]
    ).select_related("page", "permission")
    for right in page_rights:
        removed.append(
            _("%(right)s on “%(page)s”")
            % {"right": right.permission.codename, "page": right.page.title}
        )
        right.delete()
    for dotted_name in EDITORS_NEVER["model"]:
        if editors.permissions.filter(pk=permission(dotted_name).pk).exists():
            editors.permissions.remove(permission(dotted_name))
            removed.append(dotted_name.split(".")[1])
    collection_rights = GroupCollectionPermission.objects.filter(
        group=editors, permission__in=[permission(name) for name in EDITORS_NEVER["collection"]]
    ).select_related("collection", "permission")
    for right in collection_rights:
        removed.append(
            _("%(right)s in “%(collection)s”")
            % {"right": right.permission.codename, "collection": right.collection.name}
        )
        right.delete()
    if removed:
        notes.append(
            _("Took from “%(group)s”, whose changes a moderator reviews: %(rights)s.")
            % {"group": editors.name, "rights": ", ".join(removed)}
        )
