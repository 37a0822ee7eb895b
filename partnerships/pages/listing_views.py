"""What one view of a topic's listing is called, and where it lives.

`?page=2`, `?kind=webinar` and `?tag=outreach` are pages of their own: each
gets a title of its own (“Webinars tagged “outreach”, page 2”) and a
canonical link to itself, built from the parameters the topic understands,
in one order, so `?utm_source=…` and reordered parameters name the same page.
"""

from dataclasses import dataclass, field

from django.utils.http import urlencode
from django.utils.translation import gettext as _


@dataclass
class ListingView:
    title_suffix: str = ""  # "Webinars, page 2", or "" for the topic's first page
    query: str = ""  # "?kind=webinar&page=2", or ""
    previous_query: str | None = None
    next_query: str | None = None
    params: dict = field(default_factory=dict)


def listing_view(kind_model, tag_slug, tag_name, items_page):
    params = {}
    title = ""
    if kind_model is not None:
        params["kind"] = kind_model.kind
        title = str(kind_model.kind_label_plural)
    if tag_slug:
        params["tag"] = tag_slug
        if title:
            title = _("%(kinds)s tagged “%(tag)s”") % {"kinds": title, "tag": tag_name}
        else:
            title = _("Tagged “%(tag)s”") % {"tag": tag_name}
    if items_page.number > 1:
        if title:
            title = _("%(view)s, page %(number)s") % {"view": title, "number": items_page.number}
        else:
            title = _("Page %(number)s") % {"number": items_page.number}

    def query(number):
        numbered = {**params, "page": number} if number > 1 else params
        return f"?{urlencode(numbered)}" if numbered else ""

    return ListingView(
        title_suffix=title,
        query=query(items_page.number),
        previous_query=query(items_page.number - 1) if items_page.has_previous() else None,
        next_query=query(items_page.number + 1) if items_page.has_next() else None,
        params=params,
    )
