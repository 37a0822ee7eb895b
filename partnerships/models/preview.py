"""The previews editors choose from: the page, the card a topic lists it with, a front-end app."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
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
            modes.append((self.HEADLESS_PREVIEW_MODE, _("Front-end app")))
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


class ListingCardPreviewable(HeadlessPreviewable):
    """Every kind a topic lists previews as its page and as the card in the topic's list."""

    LISTING_CARD_MODE = "listing-card"

    @property
    def preview_modes(self):
        """The page itself and the card a topic will list it with, then any other modes."""
        others = [mode for mode in super().preview_modes if mode[0]]
        return [("", _("Page")), (self.LISTING_CARD_MODE, _("Listing card")), *others]

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin (for file routes such as calendar.ics) would preview
        # its index route whatever the mode; Wagtail's own preview honours it.
        if mode_name == self.HEADLESS_PREVIEW_MODE:
            return super().serve_preview(request, mode_name)
        return Page.serve_preview(self, request, mode_name)

    def get_preview_template(self, request, mode_name):
        if mode_name == self.LISTING_CARD_MODE:
            return "partnerships/previews/listing_card.html"
        return super().get_preview_template(request, mode_name)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        if mode_name == self.LISTING_CARD_MODE:
            # The card shows the excerpt of the draft being edited, not the saved one.
            self.excerpt = self.make_excerpt()
            context["item"] = self
        return context
