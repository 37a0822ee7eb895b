"""Turning what a reader typed into words the search backends can always parse."""

import re

# Words only: the quotes, stars, brackets and upper-case AND/OR/NEAR that
# SQLite FTS5 and PostgreSQL read as operators are dropped or lower-cased, so
# no query can be a syntax error. `\w+` scans once, with no backtracking.
_WORD = re.compile(r"\w+")
# Each word is a term the backend must match and rank; nobody types more.
MAX_WORDS = 32


def search_words(query: str) -> str:
    """The query's first words, lower-case and space-separated; "" when there are none."""
    return " ".join(_WORD.findall(query.lower())[:MAX_WORDS])
