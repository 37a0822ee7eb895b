"""Choosers for people and partners: FieldPanel and MultipleChooserPanel pick them up.

Each is the chooser of its snippet viewset (`snippets.py`), so there is one
chooser per model, listing drafts with their status. A missing author,
presenter or partner can be created without leaving the page; what is created
there goes through review like anything else an editor writes (`ReviewedCreateView`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.actions.create import CreateAction
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView


class ReviewedCreateView(SnippetCreateView):
    """Create from the chooser as the snippet's own create view would, never live at once.

    A user who may publish (a moderator) publishes what they create. Anyone else
    creates a draft, which is submitted to the model's workflow (“Editorial
    review”) straight away, so moderators find it under *Awaiting your review*;
    until it is published, readers do not see it on the pages that credit it.
    """

    def save_form(self, form):
        may_publish = self.get_permission_policy().user_has_permission(self.request.user, "publish")
        action = CreateAction(form.instance, user=self.request.user, form=form, publish=may_publish)
        instance = action.execute(skip_permission_checks=True)
        workflow = instance.get_workflow()
        if not may_publish and workflow is not None:
            workflow.start(instance, self.request.user)
        return instance


class ReviewedChooserViewSet(SnippetChooserViewSet):
    create_view_class = ReviewedCreateView


class PersonChooserViewSet(ReviewedChooserViewSet):
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    edit_item_text = _("Edit this person")
    form_fields = ["name", "role", "organisation"]


class PartnerChooserViewSet(ReviewedChooserViewSet):
    choose_one_text = _("Choose a partner")
    choose_another_text = _("Choose another partner")
    edit_item_text = _("Edit this partner")
    form_fields = ["name", "website"]
