from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import WebinarPage
from .webinars import editorial_status, presenter_names, with_editorial_status


class UpcomingWebinarsPanel(Component):
    """The next webinars the user can edit, drafts included, soonest first."""

    name = "upcoming_webinars"
    template_name = "partnerships/admin/upcoming_webinars_panel.html"
    order = 150
    limit = 5

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["add", "change", "publish"]
        )
        webinars = with_editorial_status(
            WebinarPage.objects.filter(pk__in=editable.values("pk")).upcoming()
        )[: self.limit]
        context["webinars"] = [
            {
                "page": webinar,
                "status": editorial_status(webinar),
                "presenters": presenter_names(webinar),
            }
            for webinar in webinars
        ]
        return context
