"""Which characters text may hold, defined once for what editors write and what we output.

XML 1.0 (RSS, Atom, the sitemap) cannot hold the C0 control characters
other than tab, line feed and carriage return, nor U+FFFE and U+FFFF; UTF-8
(every response) cannot hold a lone surrogate. The models refuse such
characters (`partnerships.validators`); the writers of feeds and calendars
drop them too, so that a page planted past validation (a script, an old
import) can never turn a feed into an error.
"""

import re

UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def xml_text(value: str) -> str:
    """`value` without the characters XML 1.0 and UTF-8 cannot carry."""
    return UNWRITABLE.sub("", value)


def one_line(value: str) -> str:
    """`value` on one line: line breaks become spaces, unwritable characters go."""
    return xml_text(LINE_BREAKS.sub(" ", value))
