"""`/api/v3/pages/<id>/` renders every field of every kind, each typed in openapi.json."""

import pytest

from partnerships.api.field_schemas import field_schema
from partnerships.models import ArticlePage, TopicIndexPage, WebinarPage
from tests.podcasts.models import PodcastPage
from tests.support.api import get_json
from tests.support.api_v3 import get_v3, openapi, property_schema
from tests.support.factories import PodcastFactory

pytestmark = pytest.mark.django_db
TYPED = {
    ArticlePage: ["kind", "kind_label", "tags", "listing_image", "authors"],
    WebinarPage: ["kind", "kind_label", "is_upcoming", "presenters", "listing_image"],
    TopicIndexPage: ["hero_image", "credit", "related_topics", "recent_items"],
    PodcastPage: ["kind", "kind_label", "tags", "listing_image"],
}


def api_field(model, name):
    return next(field for field in model.api_fields if field.name == name)


def v2_fields(data):
    return {name: value for name, value in data.items() if name not in ("id", "meta", "title")}


@pytest.mark.parametrize("model", [ArticlePage, WebinarPage])
def test_every_item_kind_renders_its_v2_fields_in_v3(client, demo, model):
    page = model.objects.child_of(demo).live().first()

    v3 = get_v3(client, f"/api/v3/pages/{page.pk}/")
    v2 = get_json(client, f"/api/v2/pages/{page.pk}/")

    assert v3["meta"]["type"] == model._meta.label
    assert v3["kind"] == model.kind and v3["kind_label"] == str(model.kind_label)
    for name in ("tags", "listing_image", "authors", "presenters", "is_upcoming", "starts_at"):
        if name in v2:
            assert v3[name] == v2_fields(v2)[name] or name == "starts_at", name


def test_a_topic_renders_credit_photo_related_topics_and_recent_items_in_v3(client, demo):
    v3 = get_v3(client, f"/api/v3/pages/{demo.pk}/")
    v2 = get_json(client, f"/api/v2/pages/{demo.pk}/")

    for name in ("credit", "hero_image", "related_topics", "items_per_page"):
        assert v3[name] == v2[name], name
    assert [item["id"] for item in v3["recent_items"]] == [
        item["id"] for item in v2["recent_items"]
    ]
    first = v3["recent_items"][0]
    assert first["meta"]["detail_url"] == f"http://testserver/api/v3/pages/{first['id']}/"


def test_a_kind_a_host_adds_renders_in_v3(client, topic):
    episode = PodcastFactory(parent=topic)

    data = get_v3(client, f"/api/v3/pages/{episode.pk}/")

    assert (data["kind"], data["kind_label"], data["audio_url"]) == (
        "podcast",
        "Podcast",
        "https://example.org/episode.mp3",
    )


@pytest.mark.parametrize("model", list(TYPED))
def test_our_fields_are_typed_in_openapi_as_field_schemas_defines_them(client, db, model):
    document = openapi(client)

    for name in TYPED[model]:
        schema = property_schema(document, f"{model._meta.object_name}Schema", name)
        written = {key: value for key, value in schema.items() if key not in ("title", "default")}
        assert written == field_schema(model, api_field(model, name)), name


def test_is_upcoming_and_the_credit_are_typed_not_any(client, db):
    document = openapi(client)

    upcoming = property_schema(document, "WebinarPageSchema", "is_upcoming")
    credit = property_schema(document, "TopicIndexPageSchema", "credit")
    assert upcoming["type"] == "boolean"
    assert credit["properties"]["display"]["type"] == "string"
