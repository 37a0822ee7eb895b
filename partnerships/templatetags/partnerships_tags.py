from django import template

from ..models.partners import partners_shown_on
from ..pages.navigation import site_menu
from ..seo.head_meta import head_meta
from ..seo.organization import organization
from ..syndication import links
from ..validators import is_web_address

register = template.Library()


@register.inclusion_tag("partnerships/includes/head_meta.html", takes_context=True)
def partnerships_head_meta(context):
    """Canonical URL, Open Graph, Twitter card, JSON-LD and feed links for `page`.

    A topic's JSON-LD lists the items the page shows (`items_page`), which the
    page has already loaded.
    """
    items_page = context.get("items_page")
    listed_items = items_page.object_list if items_page else ()
    return head_meta(context["page"], context["request"], listed_items, context.get("listing_view"))


@register.simple_tag(takes_context=True)
def page_file_url(context, page, route_name):
    """`{% page_file_url page "calendar" %}`: the URL of a page's file, e.g. its `.ics`."""
    return links.page_file_url(page, route_name, context["request"])


@register.filter
def web_link(url):
    """`{{ page.registration_url|web_link }}`: the link if readers may follow it, else "".

    The models refuse other links; this keeps one planted past them (an old
    import, a script) out of an `href`.
    """
    return url if url and is_web_address(url) else ""


@register.simple_tag(takes_context=True)
def partnerships_site_menu(context):
    """`{% partnerships_site_menu as menu %}`: `menu.topics` and `menu.pages` to link to."""
    return site_menu(context["request"])


@register.simple_tag(takes_context=True)
def partnerships_organization(context):
    """`{% partnerships_organization as org %}`: name, url, email, telephone, address."""
    return organization(context["request"])


@register.simple_tag
def shown_partners(page):
    """`{% shown_partners page as links %}`: the page's partners that readers may see."""
    return partners_shown_on(page)
