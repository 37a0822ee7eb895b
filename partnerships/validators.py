"""What editors may store: text that cannot break a page, feed or calendar, and web links.

The rules are field validators and a `clean()` check on the models, so every
writer gets them: the admin, the importer, the shell (Wagtail's `Page.save`
runs `full_clean`) and API clients. Feeds and calendars also drop such
characters when they write (`partnerships.text`), for text that got past.
"""

import unicodedata
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .conf import partnerships_setting
from .text import LINE_BREAKS, UNWRITABLE

# Schemes we refuse, and why: the message tells the editor what the link would do.
REFUSED_SCHEMES = {
    "javascript": _("“javascript:” links run code in the reader's browser"),
    "data": _("“data:” links can hide a whole page or script inside the link"),
    "vbscript": _("“vbscript:” links run code in the reader's browser"),
    "file": _("“file:” links point into the reader's own computer"),
    "ftp": _("“ftp:” links open in few browsers today and are not secure"),
}


def character_name(character: str) -> str:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    return f"{code} {name.lower()}" if name else code


@deconstructible
class PlainText:
    """Refuse characters that readers cannot see and XML cannot carry; one line unless `multiline`.

    Word and similar programs paste U+000B for a line break inside a line;
    the admin's forms turn it into a space before this sees it.
    """

    def __init__(self, multiline=False):
        self.multiline = multiline

    def __call__(self, value):
        if not isinstance(value, str):
            return
        found = UNWRITABLE.search(value)
        if found:
            raise ValidationError(
                _("Remove the invisible character %(name)s: feeds and calendars cannot carry it."),
                code="control_character",
                params={"name": character_name(found.group()[0])},
            )
        if not self.multiline and LINE_BREAKS.search(value):
            raise ValidationError(
                _("Keep this on one line: remove the line break."), code="line_break"
            )

    def __eq__(self, other):
        return isinstance(other, PlainText) and self.multiline == other.multiline


@deconstructible
class WebAddress(URLValidator):
    """A link readers can safely follow: `http://` or `https://`, and the message says why not."""

    def __init__(self):
        super().__init__(schemes=["http", "https"])

    def __call__(self, value):
        scheme = urlsplit(str(value).strip()).scheme.lower() if ":" in str(value) else ""
        if scheme in REFUSED_SCHEMES:
            raise ValidationError(
                _("%(reason)s. Enter a web address starting with https:// or http://."),
                code="unsafe_scheme",
                params={"reason": REFUSED_SCHEMES[scheme]},
            )
        if scheme not in ("http", "https"):
            raise ValidationError(
                _("Enter a full web address starting with https:// or http://."),
                code="invalid",
            )
        super().__call__(value)

    def __eq__(self, other):
        return isinstance(other, WebAddress)


@deconstructible
class SummaryLength:
    """A summary no longer than what a listing shows of a body (EXCERPT_LENGTH)."""

    def __call__(self, value):
        limit = partnerships_setting("EXCERPT_LENGTH")
        length = len(" ".join((value or "").split()))
        if length > limit:
            raise ValidationError(
                _(
                    "Keep the summary to %(limit)d characters, as much as lists show; "
                    "it has %(length)d."
                ),
                code="max_length",
                params={"limit": limit, "length": length},
            )

    def __eq__(self, other):
        return isinstance(other, SummaryLength)


single_line_text = PlainText()
multiline_text = PlainText(multiline=True)
web_address = WebAddress()


def is_web_address(value) -> bool:
    """For writers of links: whether `value` is a link a reader may be sent to."""
    try:
        web_address(value)
    except ValidationError:
        return False
    return True


# Wagtail's own text fields of a page, which carry no rules of their own.
PAGE_TEXT_RULES = {
    "title": single_line_text,
    "seo_title": single_line_text,
    "search_description": multiline_text,
}


def plain_text_rules(model):
    """{field name: PlainText rule} for a model: Wagtail's page text, and fields validated so."""
    rules = dict(PAGE_TEXT_RULES) if issubclass(model, Page) else {}
    for field in model._meta.get_fields():
        for validator in getattr(field, "validators", ()):
            if isinstance(validator, PlainText):
                rules[field.name] = validator
    return rules


def check_plain_text(instance):
    """Hold Wagtail's text fields to the rules too (from `clean()`); raises ValidationError."""
    errors = {}
    for name in PAGE_TEXT_RULES:
        try:
            PAGE_TEXT_RULES[name](getattr(instance, name, ""))
        except ValidationError as error:
            errors[name] = error
    if errors:
        raise ValidationError(errors)


def tidy_pasted_text(value, multiline=False):
    """What the admin's forms do to text before the rules see it: pasted line breaks become spaces.

    U+000B (Word's line break inside a paragraph), form feeds and the like
    are invisible; an editor pasting a title should not have to hunt for them.
    """
    if not isinstance(value, str):
        return value
    if multiline:
        value = value.replace("\r\n", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    else:
        value = LINE_BREAKS.sub(" ", value)
    return UNWRITABLE.sub("", value)
