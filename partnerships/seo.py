"""What search engines and link previews read: head meta, schema.org JSON-LD, sitemap."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from .images import share_image
from .models import ArticlePage, ListablePage, TopicIndexPage, WebinarPage
from .routes import page_file_url
from .sites import absolute_url, site_name
from .validators import is_web_address

# As Django's json_script: a title such as "</script><script>…" stays inside the string.
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

SCHEMA_ORG = "https://schema.org"
FEED_FORMATS = [
    ("rss_feed", "application/rss+xml", "RSS"),
    ("atom_feed", "application/atom+xml", "Atom"),
    ("json_feed", "application/feed+json", "JSON Feed"),
]


def json_ld_script(data) -> str:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def description_of(page) -> str:
    """The editor's search description, else the listing excerpt or topic teaser."""
    return page.search_description or getattr(page, "excerpt", "") or getattr(page, "teaser", "")


def image_of(page):
    if isinstance(page, ListablePage):
        return page.listing_image
    if isinstance(page, TopicIndexPage):
        return page.hero_image
    return None


def people(credits):
    return [{"@type": "Person", "name": credit.person.name} for credit in credits]


def article_data(page, request, base, listed_items):
    return base | {
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "datePublished": page.publish_date,
        "dateModified": page.last_published_at,
        "author": people(page.credits),
        "publisher": {"@type": "Organization", "name": site_name(request)},
        "mainEntityOfPage": base["url"],
    }


def webinar_location(page, page_url):
    """Where to attend: the registration link until it ends, then the recording."""
    link = page.registration_url if page.is_upcoming else page.recording_url
    return link if link and is_web_address(link) else page_url


def webinar_data(page, request, base, listed_items):
    return base | {
        "@type": "Event",
        "startDate": page.starts_at,
        "endDate": page.ends_at,
        "eventAttendanceMode": f"{SCHEMA_ORG}/OnlineEventAttendanceMode",
        "eventStatus": f"{SCHEMA_ORG}/EventScheduled",
        "location": {"@type": "VirtualLocation", "url": webinar_location(page, base["url"])},
        "performer": people(page.credits),
        "organizer": {
            "@type": "Organization",
            "name": site_name(request),
            "url": absolute_url(request, "/"),
        },
    }


def topic_data(page, request, base, listed_items):
    return base | {
        "@type": "CollectionPage",
        "mainEntity": {
            "@type": "ItemList",
            "itemListOrder": f"{SCHEMA_ORG}/ItemListOrderDescending",
            "numberOfItems": len(listed_items),
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "url": item.get_full_url(request),
                    "name": item.title,
                }
                for position, item in enumerate(listed_items, start=1)
            ],
        },
    }


STRUCTURED_DATA = {ArticlePage: article_data, WebinarPage: webinar_data, TopicIndexPage: topic_data}


def structured_data(page, request, base, listed_items):
    """schema.org data for the page's type (or its closest ancestor type), else None."""
    for page_class in type(page).__mro__:
        if page_class in STRUCTURED_DATA:
            return STRUCTURED_DATA[page_class](page, request, base, listed_items)
    return None


def feed_links(page, request):
    """Autodiscovery links of a topic's feeds and webinar calendar."""
    if not isinstance(page, TopicIndexPage):
        return []
    links = [
        {
            "title": f"{page.title} ({label})",
            "type": mime_type,
            "href": page_file_url(page, name, request),
        }
        for name, mime_type, label in FEED_FORMATS
    ]
    calendar = {
        "title": f"{page.title} webinars",
        "type": "text/calendar",
        "href": page_file_url(page, "webinars_calendar", request),
    }
    return [*links, calendar]


def head_meta(page, request, listed_items=()):
    """Everything `partnerships/includes/head_meta.html` writes into <head>."""
    url = page.get_full_url(request)
    description = description_of(page)
    image = image_of(page)
    image_url, image_type, image_width, image_height = (
        share_image(image, request) if image else (None, None, None, None)
    )
    base = {"@context": SCHEMA_ORG, "name": page.seo_title or page.title, "url": url}
    if description:
        base["description"] = description
    if image_url:
        base["image"] = [image_url]
    data = structured_data(page, request, base, list(listed_items))
    return {
        "canonical_url": url,
        "title": page.seo_title or page.title,
        "description": description,
        "write_description": bool(description and not page.search_description),
        "og_type": "article" if isinstance(page, ListablePage) else "website",
        "site_name": site_name(request),
        "image_url": image_url,
        "image_type": image_type,
        "image_width": image_width,
        "image_height": image_height,
        "image_alt": getattr(image, "description", "") or getattr(image, "title", ""),
        "json_ld": json_ld_script(data) if data else "",
        "feeds": feed_links(page, request),
    }
