from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_headless_preview.settings import headless_preview_settings


def headless_client_configured():
    return bool(headless_preview_settings.CLIENT_URLS)


class HeadlessPreviewable(HeadlessPreviewMixin):
    """Adds a “Front-end app” preview beside Wagtail's own, when a client URL is set.

    Set `WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": "https://app.example/preview"}}`
    and editors can preview a draft in the front end, which reads it from
    `/api/v2/page_preview/`. The server-rendered preview stays the default.
    """

    HEADLESS_PREVIEW_MODE = "headless"

    @property
    def preview_modes(self):
        modes = list(super().preview_modes)
        if headless_client_configured():
            modes.append((self.HEADLESS_PREVIEW_MODE, "Front-end app"))
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name == self.HEADLESS_PREVIEW_MODE:
            return HeadlessPreviewMixin.serve_preview(self, request, mode_name)
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
