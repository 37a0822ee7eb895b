"""schema.org building blocks that every kind's `structured_data()` shares.

Each page type writes its own JSON-LD (`ListablePage.structured_data` and its
kinds, `TopicIndexPage.structured_data`), so a host's new kind brings its own
without a change here. This module knows no models, so they can import it.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from ..validators import is_web_address
from .organization import organization

SCHEMA_ORG = "https://schema.org"


def compact(value):
    """The value without empty strings, lists, dicts or None, at any depth.

    Google reads `"author": []` as an author with no name; leaving it out is right.
    """
    if isinstance(value, dict):
        pairs = ((key, compact(item)) for key, item in value.items())
        return {key: item for key, item in pairs if item not in (None, "", [], {})}
    if isinstance(value, list | tuple):
        items = (compact(item) for item in value)
        return [item for item in items if item not in (None, "", [], {})]
    return value


def instant(value):
    """An aware datetime in ISO 8601 with its offset, in the site's time zone."""
    if value is None:
        return None
    return timezone.localtime(value, ZoneInfo(settings.TIME_ZONE)).isoformat()


def published_at(page) -> datetime.datetime:
    """When an item was published, with a time.

    Its editorial publish date, at the time it was first published when that
    happened on the same day; otherwise at the start of that day in the site's
    time zone (an item back-dated, or imported without a publication time).
    """
    zone = ZoneInfo(settings.TIME_ZONE)
    first = page.first_published_at
    if first is not None and timezone.localtime(first, zone).date() == page.publish_date:
        return first
    return datetime.datetime.combine(page.publish_date, datetime.time(), zone)


def modified_at(page) -> datetime.datetime:
    """Its last publication, never before `published_at` (a date moved forward)."""
    published = published_at(page)
    last = page.last_published_at
    return last if last is not None and last > published else published


def person(person):
    return {
        "@type": "Person",
        "name": person.name,
        "url": web_link(getattr(person, "profile_url", "")),
        "jobTitle": person.role,
        "affiliation": {"@type": "Organization", "name": person.organisation}
        if person.organisation
        else None,
    }


def web_link(url):
    """The link, when readers may be sent there (one planted past the rules is left out)."""
    return url if url and is_web_address(url) else ""


def organization_data(request):
    org = organization(request)
    return {
        "@type": "Organization",
        "name": org.name,
        "url": org.url,
        "logo": {"@type": "ImageObject", "url": org.logo_url} if org.logo_url else None,
        "email": org.email,
        "telephone": org.telephone,
    }
