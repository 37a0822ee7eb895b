from django.http import Http404
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from .editorial.dashboard import UpcomingWebinarsPanel
from .editorial.modeladmin import WebinarAdmin
from .editorial.snippets import PartnerViewSet, PersonViewSet
from .seo.images import EnlargeOperation

# People and partners are reviewed snippets (drafts, history, “Editorial review”);
# the Webinars report across topics stays a wagtail-modeladmin listing.
register_snippet(PersonViewSet)
register_snippet(PartnerViewSet)
modeladmin_register(WebinarAdmin)


@hooks.register("before_serve_page")
def hide_expired_pages(page, request, serve_args, serve_kwargs):
    """A page past its expiry time is gone at that moment, not when publish_scheduled next runs."""
    if page.expire_at and page.expire_at <= timezone.now():
        raise Http404(_("This page has expired."))


@hooks.register("construct_homepage_panels")
def add_upcoming_webinars_panel(request, panels):
    # "Awaiting your review" is Wagtail's own panel; it lists what the user can moderate.
    panels.append(UpcomingWebinarsPanel())


@hooks.register("register_image_operations")
def register_enlarge_operation():
    return [("enlarge", EnlargeOperation)]


@hooks.register("insert_editor_js")
def name_unnamed_editor_inputs():
    """Names for the tag and rich text inputs Wagtail leaves unnamed (see the script)."""
    return format_html('<script src="{}"></script>', static("partnerships/js/field-names.js"))
