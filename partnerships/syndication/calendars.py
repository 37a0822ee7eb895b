"""Webinars as iCalendar (RFC 5545): one file per webinar, and subscribable calendars.

Every kind that happens at a time (`schedule_fields`: webinars, a host's
events) is an event. An event keeps its UID for life, so when it moves,
calendars update it in place: SEQUENCE and LAST-MODIFIED grow with every
publication. Unpublished (cancelled) or expired webinars leave the
calendars, and their own file is a 404.
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event, Timezone, vCalAddress, vDuration

from ..caching.response_cache import reader_response
from ..internals import as_kinds
from ..seo.organization import organization
from ..sites import request_site, site_hostname, site_name
from ..text import one_line, xml_text
from ..validators import is_web_address

# SEQUENCE counts seconds of publication time from here: it only ever grows,
# and stays within the 32-bit integers some calendar clients use until 2068.
SEQUENCE_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
REFRESH_INTERVAL = datetime.timedelta(hours=1)


def webinar_uid(webinar, hostname):
    return f"webinar-{webinar.pk}@{hostname}"


def site_time_zone() -> Timezone:
    """The site's VTIMEZONE, for this year and the next (events themselves are in UTC)."""
    year = timezone.localdate().year
    return Timezone.from_tzid(
        settings.TIME_ZONE,
        first_date=datetime.date(year, 1, 1),
        last_date=datetime.date(year + 1, 12, 31),
    )


def calendar_organizer(request):
    """The site's organisation as an ORGANIZER, or None when it has no email address.

    RFC 5546 requires an ORGANIZER in every event of a METHOD:PUBLISH calendar, and
    the ORGANIZER is a calendar address (mailto:), so without an email there is no
    METHOD either: a plain RFC 5545 calendar, as subscribed feeds usually are.
    """
    org = organization(request)
    if not org.email:
        return None
    address = vCalAddress(f"mailto:{org.email}")
    address.params["CN"] = org.name
    return address


def webinar_event(webinar, request, hostname, organizer=None) -> Event:
    # Pages saved live without Wagtail's publish (imports, scripts) have no date.
    published = webinar.last_published_at or SEQUENCE_EPOCH
    url = webinar.get_full_url(request)
    starts_at, ends_at = (getattr(webinar, name) for name in webinar.schedule_fields)
    link = getattr(webinar, "registration_url", "")
    register = _("Register: %(link)s") % {"link": link} if link and is_web_address(link) else ""
    when = str(getattr(webinar, "when", ""))  # as the webinar's page writes it
    description = "\n\n".join(part for part in (when, webinar.excerpt, register, url) if part)
    # What an editor typed is cleaned again here: a title planted with a line
    # break or a control character must not break the file or its lines.
    event = Event()
    event.add("uid", webinar_uid(webinar, hostname))
    event.add("sequence", int((published - SEQUENCE_EPOCH).total_seconds()))
    event.add("dtstamp", published.astimezone(datetime.UTC))
    event.add("last-modified", published.astimezone(datetime.UTC))
    event.add("dtstart", starts_at.astimezone(datetime.UTC))
    event.add("dtend", ends_at.astimezone(datetime.UTC))
    event.add("summary", one_line(webinar.title))
    event.add("description", xml_text(description))
    event.add("location", _("Online"))
    event.add("url", url)
    event.add("status", "CONFIRMED")
    if organizer is not None:
        event.add("organizer", organizer)
    tags = [one_line(tag.name) for tag in webinar.tags.all()]
    if tags:
        event.add("categories", tags)
    return event


def webinars_calendar(name, webinars, request) -> Calendar:
    hostname = site_hostname(request)
    name = one_line(name)
    calendar = Calendar()
    calendar.add("prodid", "-//wagtail-partnerships//Webinars//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    organizer = calendar_organizer(request)
    if organizer is not None:
        calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    # How often subscribed clients should look again (RFC 7986, and Outlook's name).
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    # RFC 5545 wants at least one component: the site's time zone keeps a calendar
    # with no events valid (and tells clients where the webinars happen).
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(site_time_zone())
    for webinar in webinars:
        calendar.add_component(webinar_event(webinar, request, hostname, organizer))
    return calendar


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def webinar_calendar(request, webinar):
    """One webinar's `.ics`, to whoever may read the webinar (privately, when signed in).

    Wagtail routed here only after its own privacy check of the page; this
    also refuses a webinar that has expired or whose topic is hidden.
    """
    if not type(webinar).objects.visible(request).filter(pk=webinar.pk).exists():
        raise Http404(_("This webinar is no longer published."))
    return _single_webinar_calendar(request, webinar)


@require_safe
@reader_response(known=frozenset())
def _single_webinar_calendar(request, webinar):
    calendar = webinars_calendar(webinar.title, [webinar], request)
    return calendar_response(calendar, f"{webinar.slug}.ics")


def upcoming_calendar(request, items, name, filename):
    """The scheduled items among `items` that have not ended, soonest first, as a calendar."""
    upcoming = as_kinds(items.in_site(request_site(request)).upcoming().for_cards())
    upcoming = [item for item in upcoming if getattr(item, "schedule_fields", None)]
    return calendar_response(webinars_calendar(name, upcoming, request), filename)


@require_safe
@reader_response(known=frozenset())
def topic_calendar(request, topic):
    """A topic's upcoming webinars, to subscribe to in a calendar app."""
    name = _("%(topic)s webinars · %(site)s") % {"topic": topic.title, "site": site_name(request)}
    items = topic.recent_items().prefetch_related("tags")
    return upcoming_calendar(request, items, name, f"{topic.slug}-webinars.ics")
