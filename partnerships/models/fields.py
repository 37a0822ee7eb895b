"""Model fields that carry our rules to every form that edits them."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..validators import web_address


class WebAddressFormField(forms.URLField):
    # Only our validator: its message says why a link is refused, where
    # Django's own would only say "Enter a valid URL".
    default_validators = [web_address]
    default_error_messages = {
        "invalid": _("Enter a full web address starting with https:// or http://.")
    }


class WebAddressField(models.URLField):
    """A link readers are sent to: `http://` or `https://`, whoever writes it."""

    default_validators = [web_address]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})
