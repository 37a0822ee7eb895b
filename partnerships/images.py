"""The one image size used wherever a page is shared: feeds, Open Graph, JSON-LD."""

import mimetypes

from .sites import absolute_url

# 1.91:1 is what Facebook, LinkedIn and Twitter/X cards crop to.
SHARE_IMAGE_SPEC = "fill-1200x630"


def share_image(image, request):
    """(absolute URL, MIME type, width, height) of the image's sharing rendition."""
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return absolute_url(request, rendition.url), mime_type, rendition.width, rendition.height
