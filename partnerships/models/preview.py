from django.contrib.contenttypes.models import ContentType
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
from wagtail_headless_preview.settings import headless_preview_settings

from ..conf import partnerships_setting


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

    @classmethod
    def get_page_from_preview_token(cls, token):
        """The draft a token was made for, while the token is young enough.

        wagtail-headless-preview signs its tokens with a timestamp but never
        checks their age; a token older than PREVIEW_TOKEN_MAX_AGE seconds
        raises `SignatureExpired` here, whoever kept it.
        """
        max_age = partnerships_setting("PREVIEW_TOKEN_MAX_AGE")
        cls.get_preview_signer().unsign(token, max_age=max_age)
        preview = PagePreview.objects.filter(
            content_type=ContentType.objects.get_for_model(cls), token=token
        ).first()
        return preview.as_page() if preview else None

    def serve_preview(self, request, mode_name):
        if mode_name == self.HEADLESS_PREVIEW_MODE:
            return HeadlessPreviewMixin.serve_preview(self, request, mode_name)
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
