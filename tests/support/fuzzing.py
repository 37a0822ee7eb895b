"""Hypothesis strategies for what a careless or hostile client sends to an API."""

import json

from hypothesis import strategies as st

# Integers around the edges a database or pydantic cares about.
EDGE_INTEGERS = st.sampled_from(
    [0, -1, 1, 2**31, 2**63 - 1, 2**63, 2**64, 19993971855033073664, 10**30]
)
INTEGERS = st.one_of(st.integers(), EDGE_INTEGERS)
TEXT = st.one_of(
    st.text(max_size=40),
    INTEGERS.map(str),
    st.sampled_from(
        ["root", "", "-", "1.0", "1e30", "+5", " 7 ", "1_000", "a,b", "1,99999999999999999999"]
    ),
    st.sampled_from(
        [
            "partnerships.WebinarPage",
            "partnerships.ArticlePage",
            "partnerships.TopicIndexPage",
            "wagtailcore.Page",
            "partnerships.ListablePage",
            "title",
            "-title",
            "first_published_at",
            "*",
            "_,title",
            "live",
            "draft",
        ]
    ),
)
PAGES_PARAMETERS = st.sampled_from(
    [
        "offset",
        "limit",
        "fields",
        "type",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "order",
        "ordering",
        "search",
        "search_operator",
        "locale",
        "site",
        "id",
        "title",
        "slug",
        "html_path",
        "version",
        "rich_text_format",
        "first_published_at",
        "show_in_menus",
    ]
)
QUERIES = st.dictionaries(st.one_of(PAGES_PARAMETERS, st.text(max_size=10)), TEXT, max_size=4)

JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), INTEGERS, st.floats(allow_nan=False, allow_infinity=False), TEXT
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.one_of(TEXT, PAGES_PARAMETERS), children, max_size=4)
    ),
    max_leaves=12,
)


def encoded(value):
    return json.dumps(value)
