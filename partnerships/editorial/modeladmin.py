"""The Webinars section of the admin menu (wagtail-modeladmin): every webinar across topics."""

from django.contrib.admin import SimpleListFilter
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin

from ..models import WebinarPage
from .webinars import editorial_status, presenter_names, with_editorial_status


class WebinarTimingFilter(SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", "Upcoming"), ("past", "Past")]

    def queryset(self, request, queryset):
        # A webinar is upcoming until it ends, as on the public page.
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return queryset


class WebinarAdmin(ModelAdmin):
    """Every webinar across topics; titles open Wagtail's page editor."""

    model = WebinarPage
    menu_label = _("Webinars")
    menu_icon = "date"
    menu_order = 230
    list_display = ("title", "topic_title", "when", "presenters", "status")
    list_filter = (WebinarTimingFilter,)
    search_fields = ("title",)
    ordering = ["-starts_at"]

    def get_queryset(self, request):
        return with_editorial_status(super().get_queryset(request))

    @staticmethod
    def topic_title(webinar):
        return webinar.topic.title if webinar.topic else ""

    topic_title.short_description = "topic"

    @staticmethod
    def when(webinar):
        return str(webinar.when)

    when.short_description = "when"
    when.admin_order_field = "starts_at"

    @staticmethod
    def presenters(webinar):
        return presenter_names(webinar)

    @staticmethod
    def status(webinar):
        return editorial_status(webinar)
