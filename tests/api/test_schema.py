"""`/api/v2/schema.json` as code generators read it: discriminated items, truthful requirements."""

import re

import jsonschema
import pytest
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from partnerships.models import listable_page_models
from partnerships.params import MAX_TAGS, MAX_VALUE_LENGTH
from tests.models.test_added_kind import PodcastFactory
from tests.support.api import get_json
from tests.support.factories import ArticleFactory, WebinarFactory

pytestmark = pytest.mark.django_db
SCHEMA = "/api/v2/schema.json"


@pytest.fixture
def document(client, topic):
    return get_json(client, SCHEMA)


@pytest.fixture
def every_kind(topic):
    ArticleFactory(parent=topic, title="News")
    WebinarFactory(parent=topic, title="Webinar")
    PodcastFactory(parent=topic, title="Episode")
    return topic


def parameter(document, path, name):
    (found,) = [p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name]
    return found


def listing_validator(document):
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012)
    )
    return jsonschema.Draft202012Validator(
        {"$ref": "urn:openapi#/components/schemas/ItemsListing"},
        registry=registry,
        format_checker=jsonschema.FormatChecker(),
    )


def test_the_document_is_valid_openapi_3_1(document):
    validate(document)
    assert document["openapi"] == "3.1.0"


def test_items_are_one_of_the_kinds_discriminated_by_kind(document):
    items = document["components"]["schemas"]["ItemsListing"]["properties"]["items"]["items"]
    kinds = {model.kind for model in listable_page_models()}

    assert "anyOf" not in items
    assert items["discriminator"]["propertyName"] == "kind"
    assert set(items["discriminator"]["mapping"]) == kinds >= {"news", "webinar", "podcast"}
    assert {ref["$ref"] for ref in items["oneOf"]} == set(
        items["discriminator"]["mapping"].values()
    )
    podcast = items["discriminator"]["mapping"]["podcast"]
    assert podcast == "#/components/schemas/PodcastPageItem"


def test_each_kind_has_its_kind_as_a_const_and_requires_it(document):
    schemas = document["components"]["schemas"]
    for model in listable_page_models():
        item = schemas[f"{model.__name__}Item"]
        assert item["properties"]["kind"]["const"] == model.kind
        assert item["required"] == ["kind"]


def test_items_and_pages_have_titles_of_their_own_components(document):
    schemas = document["components"]["schemas"]

    assert schemas["ArticlePageItem"]["title"] == "ArticlePageItem"
    assert schemas["ArticlePage"]["title"] == "ArticlePage"
    titles = [schema["title"] for schema in schemas.values() if "title" in schema]
    assert len(titles) == len(set(titles))


def test_meta_type_is_each_models_own(document):
    schemas = document["components"]["schemas"]

    assert schemas["WebinarPageItem"]["properties"]["meta"]["properties"]["type"]["const"] == (
        "partnerships.WebinarPage"
    )
    assert schemas["PodcastPage"]["properties"]["meta"]["properties"]["type"]["const"] == (
        "podcasts.PodcastPage"
    )


def test_fields_can_remove_everything_but_kind_from_an_item(client, every_kind):
    items = get_json(client, "/api/v2/items/", {"fields": "_"})["items"]
    without_kind = get_json(client, "/api/v2/items/", {"fields": "-kind,-title"})["items"]

    assert sorted(item["kind"] for item in items) == ["news", "podcast", "webinar"]
    assert all(set(item) == {"kind"} for item in items)
    assert all("kind" in item and "title" not in item for item in without_kind)


def test_page_details_require_nothing_fields_can_remove(client, document, every_kind):
    detail = get_json(client, f"/api/v2/pages/{every_kind.pk}/", {"fields": "_"})

    assert detail == {}
    assert "required" not in document["components"]["schemas"]["TopicIndexPage"]
    assert "`fields=_`" in document["components"]["schemas"]["TopicIndexPage"]["description"]


def test_parameters_carry_the_bounds_the_api_enforces(document):
    limit = parameter(document, "/items/", "limit")["schema"]
    tag = parameter(document, "/items/", "tag")["schema"]
    search = parameter(document, "/items/", "search")["schema"]
    offset = parameter(document, "/pages/", "offset")["schema"]

    assert (limit["minimum"], limit["maximum"]) == (1, 100)
    assert tag["maxItems"] == MAX_TAGS and tag["items"]["maxLength"] == MAX_VALUE_LENGTH
    assert search["maxLength"] == MAX_VALUE_LENGTH
    assert (offset["minimum"], offset["maximum"]) == (0, 1_000_000)
    assert parameter(document, "/items/", "published_after")["schema"]["format"] == "date"


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("", True),
        ("title,-tags", True),
        ("*,-title", True),
        ("_,title,starts_at", True),
        ("*,title", False),  # Wagtail: additional fields with '*' don't make sense
        ("_,-title", False),  # nor removals with '_'
        ("no_such_field", False),
    ],
)
def test_the_fields_pattern_matches_what_the_api_accepts(client, every_kind, value, accepted):
    pattern = parameter(get_json(client, SCHEMA), "/items/", "fields")["schema"]["pattern"]
    status = client.get("/api/v2/items/", {"fields": value}).status_code

    assert bool(re.search(pattern, value)) is accepted
    assert status == (200 if accepted else 400)


def test_preview_and_wrong_method_and_accept_are_documented(document):
    preview = document["paths"]["/page_preview/"]["get"]

    assert {p["name"] for p in preview["parameters"] if p["required"]} == {"content_type", "token"}
    assert {"200", "400", "404", "405", "406"} <= set(preview["responses"])
    for methods in document["paths"].values():
        assert {"405", "406"} <= set(methods["get"]["responses"])


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"fields": "*"},
        {"fields": "_"},
        {"fields": "_,title,starts_at"},
        {"fields": "-kind"},
        {"offset": 1, "limit": 2},
        {"kind": "webinar,podcast"},
        {"search": "Episode"},
    ],
)
def test_live_items_responses_validate_against_the_schema(client, every_kind, params):
    validator = listing_validator(get_json(client, SCHEMA))
    data = get_json(client, "/api/v2/items/", params)

    assert data["items"]
    validator.validate(data)


def test_each_item_matches_exactly_its_own_kind(client, every_kind):
    document = get_json(client, SCHEMA)
    validator = listing_validator(document)
    data = get_json(client, "/api/v2/items/", {"fields": "_"})

    validator.validate(data)
    data["items"][0]["kind"] = "no-such-kind"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)
