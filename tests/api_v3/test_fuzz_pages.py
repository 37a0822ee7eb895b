"""Whatever a client sends, Wagtail's v3 pages endpoints and ours answer it without a 5xx.

Stock Wagtail 8.0.1 answers 500 to `?offset=19993971855033073664`; the plugin
bounds v3's input as it bounds v2's (`partnerships.api.v3.bounds`).
"""

import json
import os

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from partnerships.models import ListablePage
from tests.support.fuzzing import INTEGERS, JSON_VALUES, QUERIES, TEXT
from tests.support.v3_writes import v3_post, webinar_body

# FUZZ_EXAMPLES=2000 for a longer hunt than the suite's.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 120)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
WEBINAR_FIELDS = st.sampled_from(
    ["meta", "title", "slug", "starts_at", "ends_at", "registration_url", "recording_url"]
    + ["summary", "publish_date", "seo_title", "show_in_menus"]
)
ACTIONS = st.sampled_from(["submit", "approve", "reject", "publish", "unpublish", "copy", "move"])


def assert_answered(response):
    assert response.status_code < 500, (response.status_code, response.content[:500])
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == response.status_code


def auth(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}


@pytest.mark.parametrize(
    "query, status",
    [
        ({"offset": "19993971855033073664"}, 400),
        ({"offset": "1000001"}, 400),
        ({"child_of": "99999999999999999999"}, 400),
        ({"id": "1,99999999999999999999"}, 400),
        ({"search": "a\x00b"}, 400),
        # Found by the fuzz below: Wagtail's site filter reads the port as an int.
        ({"site": ":"}, 400),
        ({"site": "testserver:x"}, 400),
        ({"site": "testserver:80"}, 200),
        ({"offset": "2"}, 200),
    ],
)
@pytest.mark.parametrize(
    "path, extra", [("/api/v3/pages/", {}), ("/api/v3/pages/find/", {"html_path": "/"})]
)
def test_out_of_range_query_values_are_a_bad_request_in_v3s_format(
    client, draft, path, extra, query, status
):
    response = client.get(path, {**extra, **query})

    if status == 400:
        assert response.status_code == 400, response.content
    else:  # the listing, or find's redirect to the page it found
        assert response.status_code in (200, 302), response.content
    if status == 400:
        problem = response.json()
        assert response["Content-Type"] == "application/problem+json"
        assert problem["status"] == 400 and problem["detail"]


@pytest.mark.parametrize("path", ["/api/v3/pages/", "/api/v3/images/", "/api/v3/documents/"])
@pytest.mark.parametrize("search", [" ", "+", "\t", '"', "'", "(", "*"])
def test_a_search_with_no_words_finds_nothing_in_v3(client, draft, path, search):
    # Found by Schemathesis: `?search=+` (a space) was Wagtail's 500 on SQLite,
    # `?search="` an FTS5 syntax error on pages. v2 searches words only too.
    response = client.get(path, {"search": search})

    assert response.status_code == 200, response.content[:500]
    assert response.json()["items"] == []


def test_a_search_reaches_wagtail_as_its_words(client, draft):
    page = Page.objects.live().public().exclude(depth=1).first()
    word = page.title.split()[0]

    plain = client.get("/api/v3/pages/", {"search": word}).json()
    quoted = client.get("/api/v3/pages/", {"search": f'"{word}" ('}).json()

    assert page.pk in [item["id"] for item in plain["items"]]
    assert quoted == plain


def test_a_page_id_past_64_bits_is_not_found(client, draft, editor_token):
    assert client.get("/api/v3/pages/99999999999999999999/").status_code == 404
    response = v3_post(client, "99999999999999999999/actions/submit/", editor_token)
    assert response.status_code == 404


def test_a_body_with_a_number_past_64_bits_is_unprocessable(client, topic, editor_token):
    body = webinar_body(topic)
    body["meta"]["parent_id"] = 10**30
    pages_before = ListablePage.objects.count()

    response = v3_post(client, "", editor_token, body, status=422)

    assert response.json()["errors"][0]["loc"] == ["body", "meta", "parent_id"]
    assert ListablePage.objects.count() == pages_before


@FUZZ
@given(query=QUERIES, with_token=st.booleans())
@example(query={"offset": "19993971855033073664"}, with_token=False)
@example(query={"type": "partnerships.WebinarPage", "fields": "*"}, with_token=True)
def test_listing_pages_never_fails(client, draft, editor_token, query, with_token):
    for path in ("/api/v3/pages/", "/api/v3/pages/find/"):
        assert_answered(client.get(path, query, **auth(with_token and editor_token)))


@FUZZ
@given(page_id=INTEGERS, query=QUERIES)
def test_reading_a_page_never_fails(client, draft, editor_token, page_id, query):
    path = f"/api/v3/pages/{page_id}/"
    assert_answered(client.get(path, query, **auth(editor_token)))
    assert_answered(client.get(f"/api/v3/pages/{draft.pk}/", query))


@FUZZ
@given(body=JSON_VALUES)
def test_creating_from_any_json_never_fails(client, editor_token, body):
    response = v3_post(client, "", editor_token, body)
    assert_answered(response)


@FUZZ
@given(changes=st.dictionaries(WEBINAR_FIELDS, JSON_VALUES, max_size=3))
def test_creating_a_nearly_right_webinar_never_fails(client, topic, editor_token, changes):
    body = webinar_body(topic)
    body.update(changes)
    assert_answered(v3_post(client, "", editor_token, body))


@FUZZ
@given(action=ACTIONS, page=st.one_of(st.just("draft"), INTEGERS), body=JSON_VALUES)
def test_actions_never_fail(client, draft, editor_token, action, page, body):
    page_id = draft.pk if page == "draft" else page
    # Wagtail's own copy of the tree's root fails: see the xfail below.
    assume(page_id != Page.get_first_root_node().pk)
    response = client.post(
        f"/api/v3/pages/{page_id}/actions/{action}/",
        json.dumps(body),
        content_type="application/json",
        **auth(editor_token),
    )
    assert_answered(response)


@FUZZ
@given(raw=TEXT)
def test_a_body_that_is_not_json_never_fails(client, editor_token, raw):
    response = client.post(
        "/api/v3/pages/", raw, content_type="application/json", **auth(editor_token)
    )
    assert_answered(response)


@pytest.mark.xfail(
    strict=True,
    raises=AttributeError,
    reason="Wagtail 8.0.1's actions/copy/ of the root page, which has no parent, is a 500; "
    "not one of ours, and only for users who may add pages",
)
def test_copying_the_root_page_is_answered(client, draft, editor_token):
    root = Page.get_first_root_node()
    assert_answered(v3_post(client, f"{root.pk}/actions/copy/", editor_token))
