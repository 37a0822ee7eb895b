"""The review every page, person and partner goes through: the “Editorial review” workflow.

One task, “Review by a moderator”, approved by the plugin's moderators group.
The workflow is assigned to the topics tree's root page and to the people and
partners snippets. A workflow the host has already assigned to that page or
those models stays, unless the caller asks to replace it; either way the
returned `notes` say what happened. Editors still cannot publish under the
host's workflow: they submit to it.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from ..conf import partnerships_setting
from ..models import Partner, Person

TASK_NAME = "Review by a moderator"
REVIEWED_MODELS = (Person, Partner)


def workflow_name():
    return partnerships_setting("REVIEW_WORKFLOW")


def set_up_review(root, moderators, notes, replace=False):
    """Create or repair the workflow and assign it; returns the workflow."""
    workflow = review_workflow(moderators, notes)
    assign(
        WorkflowPage.objects.filter(page=root).select_related("workflow").first(),
        lambda: WorkflowPage.objects.create(page=root, workflow=workflow),
        workflow,
        _("the page “%(page)s” and the pages below it") % {"page": root.title},
        replace,
        notes,
    )
    for model in REVIEWED_MODELS:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        assign(
            WorkflowContentType.objects.filter(content_type=content_type)
            .select_related("workflow")
            .first(),
            lambda content_type=content_type: WorkflowContentType.objects.create(
                content_type=content_type, workflow=workflow
            ),
            workflow,
            str(model._meta.verbose_name_plural),
            replace,
            notes,
        )
    return workflow


def review_workflow(moderators, notes):
    """The workflow by its name, active, with a moderators' approval task.

    Tasks and groups are only added: a workflow of that name that already has
    other tasks keeps them, and a task of ours that other groups may approve
    keeps them too (a site set up before the plugin had groups of its own).
    """
    workflow, created = Workflow.objects.get_or_create(name=workflow_name())
    if created:
        notes.append(_("Created the workflow “%(workflow)s”.") % {"workflow": workflow.name})
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
        notes.append(_("Reactivated the workflow “%(workflow)s”.") % {"workflow": workflow.name})
    task = GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, name=TASK_NAME
    ).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        # Not `workflow.workflow_tasks.create()`: on a cluster that only adds in memory.
        last = WorkflowTask.objects.filter(workflow=workflow).order_by("-sort_order").first()
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=last.sort_order + 1 if last else 0
        )
        notes.append(
            _("Added the task “%(task)s” to “%(workflow)s”.")
            % {"task": task.name, "workflow": workflow.name}
        )
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
        notes.append(_("Reactivated the task “%(task)s”.") % {"task": task.name})
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)
        notes.append(
            _("“%(group)s” approve the task “%(task)s”.")
            % {"group": moderators.name, "task": task.name}
        )
    return workflow


def assign(existing, create, workflow, what, replace, notes):
    """Assign `workflow` to `what`, leaving a host's own workflow there unless `replace`."""
    if existing is None:
        create()
        notes.append(
            _("Assigned “%(workflow)s” to %(what)s.") % {"workflow": workflow.name, "what": what}
        )
    elif existing.workflow_id == workflow.pk:
        return
    elif replace:
        previous = existing.workflow.name
        existing.workflow = workflow
        existing.save(update_fields=["workflow"])
        notes.append(
            _("Replaced the workflow “%(previous)s” with “%(workflow)s” on %(what)s.")
            % {"previous": previous, "workflow": workflow.name, "what": what}
        )
    else:
        notes.append(
            _(
                "Left the workflow “%(theirs)s” that %(what)s already had: they are "
                "reviewed by it, not by “%(workflow)s” (--replace-workflow assigns ours "
                "instead)."
            )
            % {"theirs": existing.workflow.name, "what": what, "workflow": workflow.name}
        )
