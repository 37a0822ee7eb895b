"""One way of writing a webinar's time, everywhere readers and editors see it.

“Thu 10 December 2026, 2–3 p.m. EST”: the day as the seed writes its dates,
the times in the active language's TIME_FORMAT (12-hour for English, 24-hour
for most others), in the active time zone (the site's TIME_ZONE for readers,
an editor's own zone in the admin), named by its abbreviation. Public pages,
listing cards, the admin's Webinars report, the dashboard panel and the
calendars' descriptions all call `time_range`.
"""

import datetime
from dataclasses import dataclass

from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.translation import pgettext

# 12-hour formats end with a.m./p.m. (Django's "a", "A" and "P").
TWELVE_HOUR_CHARACTERS = set("aAfgP")


def day_format():
    # Translators may reorder the day (Django date-format syntax).
    return pgettext("Django date format of a webinar's day", "D j F Y")


@dataclass(frozen=True)
class TimeRange:
    starts_at: datetime.datetime  # in the active time zone
    ends_at: datetime.datetime
    start_text: str  # "Thu 10 December 2026, 2"
    end_text: str  # "3 p.m."
    separator: str  # "–", or " – " between two days
    zone: str  # "EST"
    zone_name: str  # "America/New_York"

    def __str__(self):
        return f"{self.start_text}{self.separator}{self.end_text} {self.zone}"


def _time(value):
    return dateformat.format(value, get_format("TIME_FORMAT"))


def _day(value):
    return dateformat.format(value, day_format())


def time_range(starts_at, ends_at) -> TimeRange:
    """When something happens, in the active language and time zone."""
    starts_at, ends_at = timezone.localtime(starts_at), timezone.localtime(ends_at)
    start_time, end_time = _time(starts_at), _time(ends_at)
    if starts_at.date() == ends_at.date():
        meridiem = " " + dateformat.format(starts_at, "a")
        twelve_hour = TWELVE_HOUR_CHARACTERS & set(get_format("TIME_FORMAT"))
        if (
            twelve_hour
            and dateformat.format(ends_at, "a") == meridiem.strip()
            and start_time.endswith(meridiem)
            and end_time.endswith(meridiem)
        ):
            start_time = start_time.removesuffix(meridiem)  # "2–3 p.m.", not "2 p.m.–3 p.m."
        start_text, end_text, separator = f"{_day(starts_at)}, {start_time}", end_time, "–"
    else:
        start_text = f"{_day(starts_at)}, {start_time}"
        end_text = f"{_day(ends_at)}, {end_time}"
        separator = " – "
    return TimeRange(
        starts_at=starts_at,
        ends_at=ends_at,
        start_text=start_text,
        end_text=end_text,
        separator=separator,
        zone=dateformat.format(ends_at, "T"),
        zone_name=timezone.get_current_timezone_name(),
    )


def moment(value) -> str:
    """One point in time as `time_range` writes a start: “Thu 10 December 2026, 2 p.m. EST”."""
    value = timezone.localtime(value)
    return f"{_day(value)}, {_time(value)} {dateformat.format(value, 'T')}"
