"""Date-time fields that never lose what an editor typed.

Wagtail's picker (xdsoft's jQuery datetimepicker) checks the field when it loses
focus and, if it cannot read the text with its own format (“Y-m-d H:i”),
replaces it with the current date and time, silently (`validateOnBlur`). Typing
“12/10/2026 2:00 PM” saved a webinar at the moment of saving. So the picker here
leaves typed text alone, the server reads the formats an editor of the active
language would type (and the picker's), refuses anything else with a message
that shows the format, and the help text names the format and the time zone.
"""

import datetime

from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import AdminDateTimeInput

from ..times import TWELVE_HOUR_CHARACTERS

EXAMPLE_TIME = datetime.time(14, 0)


class TypedTextKeptDateTimeInput(AdminDateTimeInput):
    """Wagtail's date-time picker, minus replacing unreadable text with the current time."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


def readable_formats(widget_format):
    """The picker's format first, then the active language's, with 12-hour variants.

    English editors write “12/10/2026 2:00 PM”; Django's English formats only read
    “12/10/2026 14:00”, so each “%H:%M” format gains an “%I:%M %p” twin.
    """
    formats = [widget_format, *get_format("DATETIME_INPUT_FORMATS")]
    if TWELVE_HOUR_CHARACTERS & set(get_format("TIME_FORMAT")):
        formats += [f.replace("%H:%M", "%I:%M %p") for f in formats if f.endswith("%H:%M")]
    return list(dict.fromkeys(formats))


def describe_datetime_field(field):
    """Make a form's DateTimeField keep typed text, read what people type, and say how."""
    old = field.widget
    field.widget = TypedTextKeptDateTimeInput(
        attrs=old.attrs,
        format=getattr(old, "format", None),
        js_overlay_parent_selector=getattr(old, "js_overlay_parent_selector", "body"),
    )
    widget_format = field.widget.format
    field.input_formats = readable_formats(widget_format)
    zone = timezone.get_current_timezone()
    example_day = timezone.localdate() + datetime.timedelta(days=7)
    example = datetime.datetime.combine(example_day, EXAMPLE_TIME, zone)
    wording = {
        "format": "YYYY-MM-DD HH:MM",
        "example": example.strftime(widget_format),
        "zone": timezone.get_current_timezone_name(),
        "abbreviation": example.strftime("%Z"),
    }
    how = (
        _(
            "Type it as %(format)s (24-hour clock), for example %(example)s, "
            "in %(zone)s time (%(abbreviation)s), or pick it from the calendar."
        )
        % wording
    )
    field.help_text = f"{field.help_text} {how}".strip() if field.help_text else how
    field.error_messages["invalid"] = (
        _("We could not read this date and time. Type it as %(format)s, for example %(example)s.")
        % wording
    )


class ConfirmationPanel(FieldPanel):
    """A checkbox shown only when the form asks the editor to confirm something."""

    def get_comparison_class(self):
        return None  # not a field of the page: nothing to compare between revisions

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and self.field_name in getattr(
                self.form, "confirmations_needed", ()
            )
