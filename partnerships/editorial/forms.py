import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from ..validators import plain_text_rules, tidy_pasted_text
from .datetime_fields import describe_datetime_field

# A new webinar starting within this much before the moment it is saved (or in
# the minute after) was most likely given the current time by mistake.
CLOSE_TO_NOW = datetime.timedelta(minutes=10)
LONGEST_USUAL_WEBINAR = datetime.timedelta(hours=24)


def tidy_tag_names(names):
    """Collapse the spaces inside each name and keep one of names that differ only by case.

    With TAGGIT_CASE_INSENSITIVE on, a name that differs from an existing tag
    only by case reuses that tag, so “Public  Health” joins “public health”.
    Pasted control characters go too: tag names reach feeds and calendars.
    """
    tidy = {}
    for name in names:
        name = " ".join(tidy_pasted_text(name).split())
        if name:
            tidy.setdefault(name.casefold(), name)
    return list(tidy.values())


class PastedTextPageForm(WagtailAdminPageForm):
    """Text pasted from a word processor is tidied before the model's rules check it.

    Word puts an invisible U+000B where Shift+Enter broke a line; in a title
    it becomes a space, in a summary a line break. The model still refuses
    such characters from every other writer (the importer, the shell).
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, rule in plain_text_rules(self._meta.model).items():
            if isinstance(cleaned_data.get(name), str):
                cleaned_data[name] = tidy_pasted_text(cleaned_data[name], rule.multiline)
        return cleaned_data


class ListablePageForm(PastedTextPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateTimeField):
                describe_datetime_field(field)

    def clean_tags(self):
        return tidy_tag_names(self.cleaned_data["tags"])


class WebinarPageForm(ListablePageForm):
    """Asks before saving times that look like a mistake rather than a plan."""

    confirm_times = forms.BooleanField(
        required=False,
        label=gettext_lazy("Yes, these times are right"),
        help_text=gettext_lazy("Tick this and save again to keep the times as they are."),
    )

    def clean(self):
        cleaned_data = super().clean()
        self.confirmations_needed = set()
        starts_at, ends_at = (
            self.submitted_or_saved("starts_at"),
            self.submitted_or_saved("ends_at"),
        )
        is_new = self.instance.pk is None
        times_changed = is_new or {"starts_at", "ends_at"} & set(self.changed_data)
        if not (starts_at and ends_at and times_changed) or cleaned_data.get("confirm_times"):
            return cleaned_data
        now = timezone.now()
        if is_new and now - CLOSE_TO_NOW <= starts_at <= now + datetime.timedelta(minutes=1):
            self.add_error(
                "starts_at",
                _(
                    "This is about the time you are saving at. If you typed another date, "
                    "the date picker may have replaced it: check it, or confirm it below."
                ),
            )
            self.confirmations_needed.add("confirm_times")
        if ends_at - starts_at > LONGEST_USUAL_WEBINAR:
            self.add_error(
                "ends_at",
                _("This webinar would last %(days)s days. Check both dates, or confirm them below.")
                % {"days": round((ends_at - starts_at) / datetime.timedelta(days=1), 1)},
            )
            self.confirmations_needed.add("confirm_times")
        return cleaned_data

    def submitted_or_saved(self, name):
        """The value this form sends, or, on a form of some fields only (API v3's
        PATCH), the value the page has: a changed end is checked against the start."""
        if name in self.fields:
            return self.cleaned_data.get(name)
        return getattr(self.instance, name, None)
