"""What search engines and link previews read: head meta, schema.org JSON-LD, sitemap."""

import json
import mimetypes

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from ..conf import partnerships_setting
from ..sites import site_name
from .images import share_image
from .organization import absolute_asset_url, organization, static_image_size
from .structured_data import SCHEMA_ORG, compact

# As Django's json_script: a title such as "</script><script>…" stays inside the string.
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data) -> str:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def description_of(page) -> str:
    """The editor's search description, else the listing excerpt or topic teaser."""
    return page.search_description or getattr(page, "excerpt", "") or getattr(page, "teaser", "")


def default_share_image(request):
    """PARTNERSHIPS["DEFAULT_SHARE_IMAGE"] as (URL, MIME type, width, height), or Nones."""
    path = partnerships_setting("DEFAULT_SHARE_IMAGE")
    if not path:
        return None, None, None, None
    size = None if path.startswith(("http://", "https://")) else static_image_size(path)
    width, height = size or (None, None)
    mime_type = mimetypes.guess_type(path)[0]
    return absolute_asset_url(path, request), mime_type, width, height


def structured_data(page, request, base, listed_items):
    """The page type's own schema.org data (`structured_data()`), without empty values."""
    describe = getattr(page, "structured_data", None)
    return compact(describe(request, base, listed_items)) if describe else None


def head_meta(page, request, listed_items=(), listing_view=None):
    """Everything `partnerships/includes/head_meta.html` writes into <head>.

    `listing_view` names a topic's paginated or filtered view, which is a page
    of its own: its title and canonical URL (and prev/next) say which.
    """
    url = page.get_full_url(request)
    title = page.seo_title or page.title
    previous_url = next_url = None
    if listing_view is not None:
        if listing_view.title_suffix:
            title = f"{title}: {listing_view.title_suffix}"
        if listing_view.previous_query is not None:
            previous_url = url + listing_view.previous_query
        if listing_view.next_query is not None:
            next_url = url + listing_view.next_query
        url += listing_view.query
    description = description_of(page)
    # Each page type says which picture represents it (an item: its own, else its topic's).
    image = page.share_image() if hasattr(page, "share_image") else None
    if image:
        image_url, image_type, image_width, image_height = share_image(image, request)
        image_alt = getattr(image, "description", "") or image.title
    else:
        image_url, image_type, image_width, image_height = default_share_image(request)
        image_alt = organization(request).name if image_url else ""
    base = {"@context": SCHEMA_ORG, "name": title, "url": url}
    if description:
        base["description"] = description
    if image_url:
        base["image"] = [image_url]
    data = structured_data(page, request, base, list(listed_items))
    return {
        "canonical_url": url,
        "previous_url": previous_url,
        "next_url": next_url,
        "title": title,
        "description": description,
        "write_description": bool(description and not page.search_description),
        "og_type": getattr(page, "og_type", "website"),
        "site_name": site_name(request),
        "image_url": image_url,
        "image_type": image_type,
        "image_width": image_width,
        "image_height": image_height,
        "image_alt": image_alt,
        "json_ld": json_ld_script(data) if data else "",
        "feeds": page.syndication_links(request) if hasattr(page, "syndication_links") else [],
    }
