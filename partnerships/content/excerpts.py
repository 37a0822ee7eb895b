"""The one place that turns page text into a listing excerpt."""

from ..conf import partnerships_setting

ELLIPSIS = "..."
_TRAILING_PUNCTUATION = " ,;:.-–—"


def make_excerpt(text: str, length: int | None = None) -> str:
    """Collapse whitespace, then cut to at most `length` characters at a word boundary.

    `length` defaults to the EXCERPT_LENGTH setting (250).

    An ellipsis marks a cut; text that already fits is returned whole. A single
    word longer than `length` is cut inside the word, since there is no boundary.
    """
    length = length or partnerships_setting("EXCERPT_LENGTH")
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length + 1]
    boundary = cut.rfind(" ")
    cut = cut[:boundary] if boundary > 0 else text[:length]
    return cut.rstrip(_TRAILING_PUNCTUATION) + ELLIPSIS
