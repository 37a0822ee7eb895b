"""The one image size used wherever a page is shared: feeds, Open Graph, JSON-LD."""

import mimetypes

from wagtail.images.image_operations import TransformOperation

from ..sites import absolute_url

# 1.91:1 is what Facebook, LinkedIn and Twitter/X cards crop to. Wagtail's `fill`
# crops to that shape but never enlarges, so a photo smaller than 1200×630 (the
# demo's old 1200×500 placeholder gave 954×500) is then enlarged to the full size.
SHARE_IMAGE_SPEC = "fill-1200x630|enlarge-1200x630"


class EnlargeOperation(TransformOperation):
    """`enlarge-1200x630`: stretch a smaller picture to this size (after a `fill` of it)."""

    def construct(self, size):
        width, height = size.split("x")
        self.width, self.height = int(width), int(height)

    def run(self, transform, image):
        width, height = transform.size
        if width < self.width or height < self.height:
            transform = transform.resize((self.width, self.height))
        return transform


def share_image(image, request):
    """(absolute URL, MIME type, width, height) of the image's sharing rendition."""
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return absolute_url(request, rendition.url), mime_type, rendition.width, rendition.height
