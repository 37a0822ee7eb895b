from django.http import Http404
from django.utils import timezone
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from .admin.dashboard import UpcomingWebinarsPanel
from .admin.modeladmin import WebinarAdmin
from .admin.snippets import PartnerViewSet, PersonViewSet

# People and partners are reviewed snippets (drafts, history, “Editorial review”);
# the Webinars report across topics stays a wagtail-modeladmin listing.
register_snippet(PersonViewSet)
register_snippet(PartnerViewSet)
modeladmin_register(WebinarAdmin)


@hooks.register("before_serve_page")
def hide_expired_pages(page, request, serve_args, serve_kwargs):
    """A page past its expiry time is gone at that moment, not when publish_scheduled next runs."""
    if page.expire_at and page.expire_at <= timezone.now():
        raise Http404("This page has expired.")


@hooks.register("construct_homepage_panels")
def add_upcoming_webinars_panel(request, panels):
    # "Awaiting your review" is Wagtail's own panel; it lists what the user can moderate.
    panels.append(UpcomingWebinarsPanel())
