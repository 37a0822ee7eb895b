"""Property: no query string, however odd, makes the API answer 5xx."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.factories import ArticleFactory, WebinarFactory

pytestmark = pytest.mark.django_db
EXAMPLES_PER_ENDPOINT = 60

KNOWN_NAMES = [
    "limit",
    "offset",
    "cursor",
    "fields",
    "order",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "kind",
    "tag",
    "published_after",
    "published_before",
    "upcoming",
    "type",
    "site",
    "html_path",
    "id",
    "rich_text_format",
    "locale",
    "translation_of",
    "title",
    "first_published_at",
    "format",
]
values = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=40),
    st.dates().map(str),
    st.sampled_from(["true", "false", "*", "-title", "_,title", "news,webinar", "\x00", ""]),
    st.binary(max_size=12).map(lambda b: b.decode("latin-1")),
)
names = st.one_of(st.sampled_from(KNOWN_NAMES), st.text(min_size=1, max_size=12))
query_strings = st.lists(st.tuples(names, values), max_size=5).map(urlencode)


@pytest.fixture
def content(topic):
    ArticleFactory(parent=topic, title="News")
    WebinarFactory(parent=topic, title="Webinar")
    return topic


@pytest.mark.parametrize(
    "endpoint",
    [
        "/api/v2/items/",
        "/api/v2/pages/",
        "/api/v2/pages/find/",
        "/api/v2/images/",
        "/api/v2/documents/",
    ],
)
def test_no_query_string_makes_the_api_fail(content, endpoint):
    client = Client(raise_request_exception=False)

    @settings(
        max_examples=EXAMPLES_PER_ENDPOINT,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(query=query_strings)
    def check(query):
        response = client.get(f"{endpoint}?{query}", HTTP_ACCEPT="application/json")
        assert response.status_code < 500, (endpoint, query, response.content[:300])

    check()
