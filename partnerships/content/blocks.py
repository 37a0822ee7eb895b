from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text=_("The words being quoted, without quotation marks."))
    attribution = blocks.CharBlock(
        required=False, help_text=_("Who said it, for example “Dianne Connery, library director”.")
    )

    class Meta:
        icon = "openquote"
        template = "partnerships/blocks/quote.html"


class BodyBlock(blocks.StreamBlock):
    """The body of news articles and webinars."""

    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        template="partnerships/blocks/heading.html",
        help_text=_("A section heading. Keep it short."),
    )
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)
    image = ImageBlock(help_text=_("Describe the image for people who cannot see it."))
    quote = QuoteBlock()
    embed = EmbedBlock(
        help_text=_("A link to a video or post (YouTube, Vimeo…) to show in the page."),
    )
