"""Serializer fields for our `api_fields`: images as renditions, people, credits, listings."""

import json

from rest_framework.fields import Field
from wagtail.api.utils import get_full_url

LISTING_IMAGE_WIDTHS = (320, 640, 1024)
HERO_IMAGE_WIDTHS = (640, 1024, 1600)
PORTRAIT_WIDTHS = (80, 160)


def rendition_filters(widths):
    return [f"width-{width}" for width in widths]


def image_representation(image, widths, request):
    """An image as a few renditions, a `srcset` and its alt text."""
    renditions = image.get_renditions(*rendition_filters(widths))
    seen_widths, sizes = set(), []
    for rendition in renditions.values():
        if rendition.width in seen_widths:  # small originals are never upscaled
            continue
        seen_widths.add(rendition.width)
        sizes.append(
            {
                "url": get_full_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        )
    return {
        "id": image.pk,
        "alt": image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": sizes,
        "srcset": ", ".join(f"{size['url']} {size['width']}w" for size in sizes),
    }


IMAGE_SCHEMA = {
    "type": ["object", "null"],
    "properties": {
        "id": {"type": "integer"},
        "alt": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "renditions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "url": {"type": "string", "format": "uri"},
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                },
                "required": ["url", "width", "height"],
                "additionalProperties": False,
            },
        },
        "srcset": {"type": "string", "description": "For an <img srcset> attribute."},
    },
    "required": ["id", "alt", "width", "height", "renditions", "srcset"],
    "additionalProperties": False,
}


class ImageRenditionsField(Field):
    schema = IMAGE_SCHEMA

    def __init__(self, widths=LISTING_IMAGE_WIDTHS, **kwargs):
        self.widths = widths
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, image):
        return image_representation(image, self.widths, self.context["request"])


class TagNamesField(Field):
    """Tag names, sorted.

    Reads the names a `with_tag_names()` query brought along, else the
    (prefetched) tags.
    """

    schema = {"type": "array", "items": {"type": "string"}}

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        if hasattr(manager.instance, "tag_names"):
            return sorted(json.loads(manager.instance.tag_names or "[]"))
        return sorted(tag.name for tag in manager.all())


class PeopleField(Field):
    """Authors or presenters readers may see, in the editor's order, with a small portrait.

    A person who is not published (`Person.is_shown`) is left out, whether or not
    the credits were prefetched.
    """

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "role": {"type": "string"},
                "organisation": {"type": "string"},
                "photo": IMAGE_SCHEMA,
            },
            "required": ["id", "name", "role", "organisation", "photo"],
            "additionalProperties": False,
        },
    }

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, credits):
        # Wagtail's v3 read schemas render this field without a DRF context.
        request = self.context.get("request")
        return [
            {
                "id": credit.person.pk,
                "name": credit.person.name,
                "role": credit.person.role,
                "organisation": credit.person.organisation,
                "photo": image_representation(credit.person.photo, PORTRAIT_WIDTHS, request)
                if credit.person.photo
                else None,
            }
            for credit in credits.all()
            if credit.person.is_shown
        ]


class ImageCreditField(Field):
    """The topic photo's credit: its parts, and the line readers see."""

    schema = {
        "type": "object",
        "properties": {
            "creator": {"type": "string"},
            "licence": {"type": "string"},
            "licence_url": {"type": "string"},
            "display": {"type": "string", "examples": ["Photo: jenlen, CC BY-NC-ND 2.0"]},
        },
        "required": ["creator", "licence", "licence_url", "display"],
        "additionalProperties": False,
    }

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, topic):
        return {
            "creator": topic.hero_image_creator,
            "licence": topic.hero_image_licence,
            "licence_url": topic.hero_image_licence_url,
            "display": topic.credit_line,
        }


class RelatedTopicsField(Field):
    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "teaser": {"type": "string"},
                "html_url": {"type": "string", "format": "uri"},
            },
            "required": ["id", "title", "teaser", "html_url"],
            "additionalProperties": False,
        },
    }

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, topic):
        request = self.context["request"]
        return [
            {
                "id": related.pk,
                "title": related.title,
                "teaser": related.teaser,
                "html_url": related.get_full_url(request),
            }
            for related in topic.visible_related_topics(request)
        ]


class RecentItemsField(Field):
    """The topic's newest items exactly as its HTML page lists them (same query)."""

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"},
                        "html_url": {"type": "string", "format": "uri"},
                        "detail_url": {"type": "string", "format": "uri"},
                    },
                    "required": ["type", "html_url", "detail_url"],
                    "additionalProperties": False,
                },
                "title": {"type": "string"},
                "kind": {"type": "string"},
                "kind_label": {"type": "string"},
                "publish_date": {"type": "string", "format": "date"},
                "excerpt": {"type": "string"},
            },
            "required": ["id", "meta", "title", "kind", "kind_label", "publish_date", "excerpt"],
            "additionalProperties": False,
        },
    }

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, topic):
        request, router = self.context["request"], self.context["router"]
        items = topic.recent_items(request)[: topic.items_per_page]
        return [
            {
                "id": item.pk,
                "meta": {
                    "type": f"{item.kind_info._meta.app_label}.{item.kind_info.__name__}",
                    "html_url": item.get_full_url(request),
                    "detail_url": get_full_url(
                        request, router.get_object_detail_urlpath(type(item), item.pk)
                    ),
                },
                "title": item.title,
                "kind": item.kind_info.kind,
                "kind_label": item.kind_info.kind_label,
                "publish_date": item.publish_date.isoformat(),
                "excerpt": item.excerpt,
            }
            for item in items
        ]
