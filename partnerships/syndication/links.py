"""Links to the files our pages serve under their own URL (feeds, calendars)."""


def page_file_url(page, route_name, request=None) -> str:
    """The absolute URL of one of the page's file routes, without Wagtail's trailing slash.

    Routes are declared as `"feed.rss/"` (Wagtail's router ends every path
    with a slash); `partnerships.syndication.routes` serves them without it.
    """
    return page.get_full_url(request) + page.reverse_subpage(route_name).rstrip("/")
