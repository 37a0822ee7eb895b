"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of a topic's listing, or of every topic.

One `ListingFeed` (Django's syndication framework) describes the items; the
format only changes the writer, so all three feeds carry the same items.
"""

import datetime
import json

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..caching.response_cache import reader_response
from ..conf import partnerships_setting
from ..params import BadParameter, bad_parameter_response, parse_kinds, reject_malformed
from ..seo.images import share_image
from ..sites import absolute_url, request_site, site_hostname, site_name
from ..text import xml_text


class JsonFeed(feedgenerator.SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "authors": [{"name": self.feed["author_name"]}],
            "items": [self.json_item(item) for item in self.items],
        }
        outfile.write(json.dumps(feed, ensure_ascii=False, indent=1))

    @staticmethod
    def json_item(item):
        entry = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_text": item["content_text"],
            "summary": item["content_text"],
            "date_published": item["pubdate"].isoformat(),
            "date_modified": item["updateddate"].isoformat(),
            "tags": item["categories"],
        }
        if item["enclosures"]:
            entry["image"] = item["enclosures"][0].url
        return entry


# (route name, MIME type, label) of a topic's feeds, for autodiscovery links.
FEED_FORMATS = [
    ("rss_feed", "application/rss+xml", "RSS"),
    ("atom_feed", "application/atom+xml", "Atom"),
    ("json_feed", "application/feed+json", "JSON Feed"),
]

FEED_TYPES = {
    "rss": feedgenerator.Rss201rev2Feed,
    "atom": feedgenerator.Atom1Feed,
    "json": JsonFeed,
}


class ListingFeed(Feed):
    """The newest visible items of a topic (or of every topic of the Site), newest first.

    Made afresh for each request, so it may keep the request for absolute
    URLs, which all come from the Site record. Every text is passed through
    `xml_text`: whatever a page holds, the feed stays well-formed.
    """

    def __init__(self, request, feed_type, items, topic=None, kinds=None):
        self.request = request
        self.feed_type = feed_type
        self.listed = items
        self.topic = topic
        self.kinds = kinds

    def get_object(self, request, *args, **kwargs):
        return self.topic

    # The feed

    def title(self):
        name = site_name(self.request)
        return xml_text(f"{self.topic.title} · {name}" if self.topic else name)

    def link(self):
        if self.topic:
            return self.topic.get_full_url(self.request)
        return absolute_url(self.request, "/")

    def feed_url(self):
        # The feed's own address as the reader asked for it, but only with the
        # parameters the feed reads: a made-up parameter never reaches the body.
        query = f"?kind={self.kinds[0]}" if self.kinds else ""
        return absolute_url(self.request, f"{self.request.path}{query}")

    def feed_guid(self):
        return self.feed_url()

    def description(self):
        if self.topic:
            text = self.topic.teaser or self.topic.search_description or self.topic.title
        else:
            text = _("The newest news and webinars from %(site)s.") % {
                "site": site_name(self.request)
            }
        return xml_text(text)

    def author_name(self):
        return xml_text(site_name(self.request))

    def items(self):
        items = self.listed.in_site(request_site(self.request))
        if self.kinds:
            items = items.of_kinds(self.kinds)
        return items.with_syndication_relations()[: partnerships_setting("FEED_SIZE")]

    # Each item

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        # RSS descriptions and Atom summaries are read as HTML; the excerpt is text.
        return escape(xml_text(item.excerpt))

    def item_extra_kwargs(self, item):
        return {"content_text": xml_text(item.excerpt)}

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        # A tag URI (RFC 4151) outlives changes of slug or topic, so readers
        # never show a moved item twice.
        since = item.first_published_at or item.publish_date
        return f"tag:{site_hostname(self.request)},{since:%Y-%m-%d}:page-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        midnight = datetime.datetime.combine(item.publish_date, datetime.time.min)
        return timezone.make_aware(midnight)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [xml_text(tag.name) for tag in item.tags.all()]

    def item_enclosures(self, item):
        if not item.listing_image:
            return []
        url, mime_type, _width, _height = share_image(item.listing_image, self.request)
        # The RSS Best Practices Profile asks for length 0 when the size is
        # unknown; asking the storage for it would cost a call per item.
        return [feedgenerator.Enclosure(url, "0", mime_type)]


def listing_feed(request, format, items, topic=None):
    """`items` (newest first) as a feed in `format` (rss, atom, json), `?kind=` applied.

    The items are what an anonymous reader sees: a feed is for feed readers,
    which sign in nowhere, and it is cached for everyone alike.
    """
    try:
        reject_malformed(request.GET)
        kinds = parse_kinds(request.GET)
    except BadParameter as error:
        return bad_parameter_response(error)
    return ListingFeed(request, FEED_TYPES[format], items, topic=topic, kinds=kinds)(request)


@require_safe
@reader_response(known=frozenset({"kind"}))
def topic_feed(request, format, topic):
    """A topic's feed: the same items, in the same order, as its page lists."""
    return listing_feed(request, format, topic.recent_items(), topic=topic)
