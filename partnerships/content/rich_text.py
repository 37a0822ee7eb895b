"""Rich text that did not come through the editor is cleaned before it is stored.

The admin's editor only produces safe HTML, but imports, data migrations and
API clients can write anything into a rich-text field, and Wagtail renders
stored rich text as it is. This keeps Wagtail's database format (internal
`linktype` links, embeds) and drops scripts, event handlers and
`javascript:` links.
"""

from wagtail.blocks import RichTextBlock
from wagtail.rich_text import RichText
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

PLAIN = allow_without_attributes


class StoredRichTextWhitelister(Whitelister):
    element_rules = {
        "[document]": PLAIN,
        **{tag: PLAIN for tag in ("p", "br", "b", "i", "strong", "em", "u", "s", "sub", "sup")},
        **{tag: PLAIN for tag in ("ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "hr", "code")},
        "blockquote": PLAIN,
        "a": attribute_rule({"href": check_url, "linktype": True, "id": True}),
        "embed": attribute_rule(
            {"embedtype": True, "url": True, "id": True, "format": True, "alt": True}
        ),
    }


_whitelister = StoredRichTextWhitelister()


def clean_rich_text(html: str) -> str:
    return _whitelister.clean(html) if html else html


def clean_stream_rich_text(stream_value):
    """Clean every top-level rich-text block of a StreamField value, in place."""
    for child in stream_value:
        if isinstance(child.block, RichTextBlock):
            child.value = RichText(clean_rich_text(child.value.source))
