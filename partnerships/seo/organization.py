"""The organisation behind a site, as PARTNERSHIPS["ORGANIZATION"] describes it.

Structured data (publisher, organizer), calendars (ORGANIZER) and a host's
footer read it from here; what the setting leaves out comes from the
request's Wagtail Site (its name and root URL).
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from wagtail.models import Site

from ..conf import partnerships_setting
from ..sites import absolute_url


@dataclass(frozen=True)
class Organization:
    name: str
    url: str
    logo_url: str = ""
    email: str = ""
    telephone: str = ""
    address: str = ""


def absolute_asset_url(path, request):
    """A static path (“img/logo.png”) or an absolute URL, as an absolute URL."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return absolute_url(request, static(path))


@functools.lru_cache(maxsize=16)
def static_image_size(path):
    """(width, height) of a static image found by the staticfiles finders, else None."""
    from PIL import Image  # only when a default picture is configured

    found = finders.find(path)
    if not found:
        return None
    with Image.open(found) as image:
        return image.size


def organization(request) -> Organization:
    configured = partnerships_setting("ORGANIZATION")
    site = Site.find_for_request(request)
    name = configured.get("name") or (site and site.site_name) or settings.WAGTAIL_SITE_NAME
    url = configured.get("url") or absolute_url(request, "/")
    return Organization(
        name=name,
        url=url,
        logo_url=absolute_asset_url(configured.get("logo", ""), request),
        email=configured.get("email", ""),
        telephone=configured.get("telephone", ""),
        address=configured.get("address", ""),
    )
