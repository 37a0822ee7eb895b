"""The API's edges: its OpenAPI document, CORS, headless preview, cache purging."""

import jsonschema
import pytest
from django.contrib.auth.models import User
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from partnerships.models import ArticlePageAuthor, Person
from tests.support import frontend_cache
from tests.support.api import get_json
from tests.support.factories import ArticleFactory, WebinarFactory

pytestmark = pytest.mark.django_db


def test_openapi_document_is_valid(client, topic):
    document = get_json(client, "/api/v2/schema.json")

    validate(document)
    assert {"/items/", "/pages/", "/pages/{id}/", "/images/", "/documents/"} <= set(
        document["paths"]
    )
    item_fields = document["components"]["schemas"]["WebinarPageItem"]["properties"]
    assert {"starts_at", "ends_at", "is_upcoming", "presenters", "kind", "excerpt"} <= set(
        item_fields
    )


def conforms(document, schema_name, data):
    """Validate `data` against a component schema of the OpenAPI document."""
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012)
    )
    schema = {"$ref": f"urn:openapi#/components/schemas/{schema_name}"}
    jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.FormatChecker()
    ).validate(data)


@pytest.mark.parametrize(
    "params", [{}, {"fields": "*"}, {"fields": "_,title"}, {"offset": 1}, {"kind": "webinar"}]
)
def test_items_responses_conform_to_the_schema(client, demo, params):
    person = Person.objects.create(name="A presenter", organisation="A library")
    webinar = WebinarFactory(parent=demo, title="With a presenter")
    from partnerships.models import WebinarPagePresenter

    WebinarPagePresenter.objects.create(page=webinar, person=person)
    article = ArticleFactory(parent=demo, body=[("heading", "Hello"), ("paragraph", "<p>x</p>")])
    ArticlePageAuthor.objects.create(page=article, person=person)
    document = get_json(client, "/api/v2/schema.json")

    conforms(document, "ItemsListing", get_json(client, "/api/v2/items/", params))


def test_page_details_conform_to_the_schema(client, demo):
    document = get_json(client, "/api/v2/schema.json")
    for page in demo.get_children().specific()[:3]:
        data = get_json(client, f"/api/v2/pages/{page.pk}/")
        conforms(document, type(page).__name__, data)
    conforms(document, "TopicIndexPage", get_json(client, f"/api/v2/pages/{demo.pk}/"))
    conforms(document, "Listing", get_json(client, "/api/v2/pages/"))


def test_a_response_with_an_undocumented_field_would_fail_conformance(client, demo):
    document = get_json(client, "/api/v2/schema.json")
    data = get_json(client, "/api/v2/items/")
    data["items"][0]["surprise"] = 1

    with pytest.raises(jsonschema.ValidationError):
        conforms(document, "ItemsListing", data)


def test_docs_page_is_served_without_external_assets(client, topic):
    response = client.get("/api/v2/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/items/" in html and "child_of" in html and "schema.json" in html
    assert "https://cdn" not in html and "<script src=" not in html


def test_cors_is_off_by_default(client, topic):
    response = client.get("/api/v2/items/", HTTP_ORIGIN="https://app.example")
    assert "Access-Control-Allow-Origin" not in response


def test_cors_allows_configured_origins_on_the_api_only(client, topic, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example"]

    api = client.get("/api/v2/items/", HTTP_ORIGIN="https://app.example")
    page = client.get(topic.url, HTTP_ORIGIN="https://app.example")
    other = client.get("/api/v2/items/", HTTP_ORIGIN="https://evil.example")

    assert api["Access-Control-Allow-Origin"] == "https://app.example"
    assert "Access-Control-Allow-Origin" not in page
    assert "Access-Control-Allow-Origin" not in other


@pytest.fixture
def headless(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": "https://app.example/preview"},
        "REDIRECT_ON_PREVIEW": False,
    }


def test_editors_preview_a_draft_in_the_front_end_through_a_token(client, topic, headless):
    page = ArticleFactory(parent=topic, title="Published title")
    page.title = "Draft title"
    assert ("headless", "Front-end app") in page.preview_modes

    preview = page.create_page_preview()
    data = get_json(
        client,
        "/api/v2/page_preview/",
        {"content_type": "partnerships.articlepage", "token": preview.token},
    )

    assert data["title"] == "Draft title"
    assert get_json(client, f"/api/v2/pages/{page.pk}/")["title"] == "Published title"
    response = client.get(
        "/api/v2/page_preview/",
        {"content_type": "partnerships.articlepage", "token": preview.token},
        HTTP_ACCEPT="application/json",
    )
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"content_type": "partnerships.articlepage", "token": "forged:token"},
        {"content_type": "auth.user", "token": "x"},
        {"content_type": "nonsense", "token": "x"},
    ],
)
def test_a_preview_needs_a_valid_token(client, topic, headless, params):
    response = client.get("/api/v2/page_preview/", params, HTTP_ACCEPT="application/json")
    assert response.status_code in (400, 404) and response.json()["message"]


def test_without_a_client_url_there_is_no_front_end_preview(topic):
    page = ArticleFactory(parent=topic)
    assert all(mode != "headless" for mode, _ in page.preview_modes)


def test_publishing_purges_the_listings_it_appears_in(topic, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.support.frontend_cache.RecordingBackend"}
    }
    frontend_cache.PURGED.clear()
    page = ArticleFactory(parent=topic)

    page.save_revision().publish()

    root = "http://testserver"
    assert {
        f"{root}/api/v2/items/",
        f"{root}/api/v2/items/?child_of={topic.pk}",
        f"{root}/api/v2/pages/{page.pk}/",
        f"{root}/api/v2/pages/{topic.pk}/",
    } <= set(frontend_cache.PURGED)


def test_a_signed_in_editor_is_not_served_a_public_cached_preview(client, topic, headless):
    client.force_login(User.objects.create_superuser("editor", password="x"))
    page = ArticleFactory(parent=topic)
    response = client.get(
        "/api/v2/page_preview/",
        {"content_type": "partnerships.articlepage", "token": page.create_page_preview().token},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200 and "public" not in response["Cache-Control"]


def test_a_preview_token_older_than_an_hour_shows_nothing(client, topic, headless):
    import datetime

    import time_machine
    from django.utils import timezone

    page = ArticleFactory(parent=topic, title="Published title")
    page.title = "Draft title"
    preview = page.create_page_preview()
    params = {"content_type": "partnerships.articlepage", "token": preview.token}
    assert get_json(client, "/api/v2/page_preview/", params)["title"] == "Draft title"

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, seconds=5)):
        response = client.get("/api/v2/page_preview/", params, HTTP_ACCEPT="application/json")

    assert response.status_code == 404
    assert "Draft title" not in response.content.decode()
