"""An editor's client creates webinar drafts with `POST /api/v3/pages/`, by the admin's rules."""

import datetime

import pytest
from django.utils import timezone

from partnerships.api.v3.writes import register_write_schemas
from partnerships.models import ArticlePage, ListablePage, WebinarPage
from tests.podcasts.models import PodcastPage
from tests.support.v3_writes import problem_messages, v3_post, webinar_body


def test_an_editor_creates_a_webinar_as_a_draft_under_a_topic(client, topic, editor, editor_token):
    response = v3_post(client, "", editor_token, webinar_body(topic), status=201)

    created = response.json()
    assert created["meta"]["type"] == "partnerships.WebinarPage"
    assert created["meta"]["parent"]["id"] == topic.pk
    assert created["meta"]["first_published_at"] is None
    webinar = WebinarPage.objects.get(pk=created["id"])
    assert not webinar.live
    assert webinar.get_parent().pk == topic.pk
    assert webinar.owner == editor
    assert webinar.registration_url == "https://events.example.org/community-partners"
    assert webinar.topic_id == topic.pk
    assert webinar.get_latest_revision().user == editor


def test_a_webinar_draft_is_not_listed_for_readers(client, topic, editor_token):
    v3_post(client, "", editor_token, webinar_body(topic), status=201)

    assert client.get("/api/v2/items/").json()["items"] == []


def test_without_a_token_nothing_is_created(client, topic):
    response = client.post("/api/v3/pages/", webinar_body(topic), content_type="application/json")

    assert response.status_code == 401
    assert not WebinarPage.objects.exists()


def test_publishing_on_create_is_refused_to_an_editor(client, topic, editor_token):
    body = webinar_body(topic)
    body["meta"]["action"] = "publish"

    response = v3_post(client, "", editor_token, body)

    assert response.status_code == 403
    assert not WebinarPage.objects.filter(live=True).exists()


def one_hour_before(body):
    starts_at = datetime.datetime.fromisoformat(body["starts_at"])
    return (starts_at - datetime.timedelta(hours=1)).isoformat()


def two_days_after(body):
    starts_at = datetime.datetime.fromisoformat(body["starts_at"])
    return (starts_at + datetime.timedelta(days=2)).isoformat()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            lambda body: {"ends_at": one_hour_before(body)},
            "ends_at",
            "The webinar must end after it starts.",
        ),
        (
            lambda body: {"registration_url": "javascript:alert(1)"},
            "registration_url",
            "https://",
        ),
        (
            lambda body: {
                "publish_date": (timezone.localdate() + datetime.timedelta(days=400)).isoformat()
            },
            "publish_date",
            "The publish date can be at most a year from today.",
        ),
        (
            # The admin asks to confirm such times; so does the API (below).
            lambda body: {"ends_at": two_days_after(body)},
            "ends_at",
            "This webinar would last 2.0 days.",
        ),
    ],
    ids=[
        "ends-before-it-starts",
        "javascript-link",
        "publish-date-over-a-year-ahead",
        "lasting-days-unconfirmed",
    ],
)
def test_the_admins_rules_refuse_a_webinar_and_nothing_is_created(
    client, topic, editor_token, changes, field, message
):
    body = webinar_body(topic)
    body.update(changes(body))
    pages_before = ListablePage.objects.count()

    response = v3_post(client, "", editor_token, body)

    assert response.status_code == 422, response.content
    problem = response.json()
    assert problem["status"] == 422
    assert any(field in error.get("loc", []) for error in problem["errors"]), problem
    assert any(message in text for text in problem_messages(response)), problem
    assert ListablePage.objects.count() == pages_before


def test_times_the_admin_asks_about_are_kept_once_confirmed(client, topic, editor_token):
    body = webinar_body(topic)
    body["ends_at"] = two_days_after(body)

    created = v3_post(client, "", editor_token, body | {"confirm_times": True}, status=201)

    webinar = WebinarPage.objects.get(pk=created.json()["id"])
    assert webinar.ends_at - webinar.starts_at == datetime.timedelta(days=2)


def test_a_patch_to_days_long_times_asks_for_the_same_confirmation(client, topic, editor_token):
    body = webinar_body(topic)
    page_id = v3_post(client, "", editor_token, body, status=201).json()["id"]

    def patch(changes):
        return client.patch(
            f"/api/v3/pages/{page_id}/",
            changes,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {editor_token}",
        )

    assert patch({"ends_at": two_days_after(body)}).status_code == 422
    assert patch({"ends_at": two_days_after(body), "confirm_times": True}).status_code == 200


def test_a_webinar_needs_its_times(client, topic, editor_token):
    body = webinar_body(topic)
    del body["starts_at"], body["ends_at"]

    response = v3_post(client, "", editor_token, body)

    assert response.status_code == 422
    assert not WebinarPage.objects.exists()


def test_an_editor_corrects_a_draft_with_patch(client, topic, editor_token):
    created = v3_post(client, "", editor_token, webinar_body(topic), status=201).json()

    response = client.patch(
        f"/api/v3/pages/{created['id']}/",
        {"title": "Working with community partners, part 2"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {editor_token}",
    )

    assert response.status_code == 200, response.content
    webinar = WebinarPage.objects.get(pk=created["id"])
    assert webinar.get_latest_revision_as_object().title.endswith("part 2")
    assert not webinar.live


def test_an_editor_creates_a_news_item_draft(client, topic, editor_token):
    body = {
        "meta": {"type": "partnerships.ArticlePage", "parent_id": topic.pk},
        "title": "Three councils sign a partnership",
        "publish_date": "2026-11-30",
    }

    created = v3_post(client, "", editor_token, body, status=201).json()

    article = ArticlePage.objects.get(pk=created["id"])
    assert not article.live and article.publish_date == datetime.date(2026, 11, 30)


def test_a_kind_a_host_adds_is_written_with_its_own_fields(client, topic, editor_token):
    body = {
        "meta": {"type": "podcasts.PodcastPage", "parent_id": topic.pk},
        "title": "Episode 1",
        "audio_url": "https://audio.example.org/1.mp3",
        "duration_minutes": 42,
    }

    created = v3_post(client, "", editor_token, body, status=201).json()

    assert PodcastPage.objects.get(pk=created["id"]).duration_minutes == 42


def test_a_kind_is_created_only_under_a_topic(client, home, topic, editor_token):
    body = webinar_body(topic)
    body["meta"]["parent_id"] = home.pk

    response = v3_post(client, "", editor_token, body)

    assert 400 <= response.status_code < 500
    assert not WebinarPage.objects.exists()


def test_registering_after_wagtails_pages_router_is_imported_changes_nothing():
    # The test client has loaded the URLs, and with them the router; a late
    # registration would be ignored by it (system check E004 names the mistake).
    import wagtail.api.v3.routers.pages  # noqa: F401
    from wagtail.api.v3.registry import registry

    before = registry.get(WebinarPage._meta.label)
    register_write_schemas()

    assert registry.get(WebinarPage._meta.label) is before


def draft_tags(page_id):
    """The tags of the page's latest revision: what an editor sees in the admin."""
    draft = WebinarPage.objects.get(pk=page_id).get_latest_revision_as_object()
    return sorted(tag.name for tag in draft.tags.all())


def test_a_webinar_is_created_with_its_tags(client, topic, editor_token):
    body = webinar_body(topic, tags=["public health", "outreach, libraries"])

    created = v3_post(client, "", editor_token, body, status=201).json()

    # A name with a comma or a space stays one tag, as in the admin's tag field.
    assert draft_tags(created["id"]) == ["outreach, libraries", "public health"]
    assert sorted(created["tags"]) == ["outreach, libraries", "public health"]


def test_a_patch_keeps_the_tags_it_leaves_out_and_replaces_those_it_sends(
    client, topic, editor_token
):
    created = v3_post(client, "", editor_token, webinar_body(topic, tags=["outreach"]), status=201)
    page_id = created.json()["id"]

    def patch(body):
        response = client.patch(
            f"/api/v3/pages/{page_id}/",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {editor_token}",
        )
        assert response.status_code == 200, response.content

    patch({"title": "Working with community partners, again"})
    assert draft_tags(page_id) == ["outreach"]
    patch({"tags": ["public health"]})
    assert draft_tags(page_id) == ["public health"]


def test_a_tag_longer_than_the_admin_allows_is_a_422_and_nothing_is_created(
    client, topic, editor_token
):
    response = v3_post(client, "", editor_token, webinar_body(topic, tags=["x" * 101]))

    assert response.status_code == 422
    assert any(error["loc"] == ["tags"] for error in response.json()["errors"])
    assert not WebinarPage.objects.exists()
