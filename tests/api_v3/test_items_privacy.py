"""`/api/v3/items/` lists only what any reader of the request's Site may see (v2's rule)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import APIToken, Page, Site

from tests.support.api_v3 import get_v3
from tests.support.factories import ArticleFactory, HomePageFactory, TopicFactory
from tests.support.restrictions import GROUPS, PASSWORD, restrict

pytestmark = pytest.mark.django_db
ITEMS = "/api/v3/items/"


def titles(client, **params):
    return [item["title"] for item in get_v3(client, ITEMS, params)["items"]]


def test_drafts_unpublished_expired_and_restricted_items_never_appear(client, topic):
    ArticleFactory(parent=topic, title="Public")
    ArticleFactory(parent=topic, title="Draft", live=False)
    ArticleFactory(parent=topic, title="Unpublished").unpublish()
    ArticleFactory(parent=topic, title="Expired", expire_at=timezone.now() - datetime.timedelta(1))
    restrict(ArticleFactory(parent=topic, title="Login"))
    restrict(ArticleFactory(parent=topic, title="Members"), GROUPS)
    restrict(ArticleFactory(parent=topic, title="Password"), PASSWORD, password="secret")

    assert titles(client) == ["Public"]
    assert titles(client, child_of=topic.pk) == ["Public"]
    assert titles(client, search="login") == []


def test_items_under_a_restricted_topic_never_appear(client, home, topic):
    ArticleFactory(parent=topic, title="Public")
    private = TopicFactory(parent=home, slug="private")
    ArticleFactory(parent=private, title="Inside")
    restrict(private)

    assert titles(client) == ["Public"]
    assert get_v3(client, ITEMS, {"child_of": private.pk}, status=400)["status"] == 400


def test_another_sites_items_never_appear(client, topic):
    ArticleFactory(parent=topic, title="Main")
    branch = HomePageFactory(parent=Page.get_first_root_node(), title="Branch", slug="branch")
    Site.objects.create(hostname="localhost", port=80, root_page=branch)
    ArticleFactory(parent=TopicFactory(parent=branch, slug="branch-topic"), title="Branch item")

    assert titles(client) == ["Main"]
    assert [item["title"] for item in get_v3(client, ITEMS, HTTP_HOST="localhost")["items"]] == [
        "Branch item"
    ]
    assert titles(client, site="localhost") == ["Branch item"]


def test_a_bearer_less_request_with_a_session_sees_only_public_items(
    client, topic, django_user_model
):
    ArticleFactory(parent=topic, title="Public")
    restrict(ArticleFactory(parent=topic, title="Login"))
    client.force_login(django_user_model.objects.create_user("reader"))

    assert titles(client) == ["Public"]


def test_a_bearer_token_reader_sees_what_v2_shows_them_and_their_answer_is_not_shared(
    client, topic, django_user_model
):
    ArticleFactory(parent=topic, title="Public")
    restrict(ArticleFactory(parent=topic, title="Login"))
    _token, plaintext = APIToken.create_token(
        user=django_user_model.objects.create_user("reader"), name="front end"
    )
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}

    signed_in = client.get(ITEMS, **bearer)
    assert sorted(item["title"] for item in signed_in.json()["items"]) == ["Login", "Public"]
    assert "public" not in signed_in.get("Cache-Control", "")
    assert titles(client) == ["Public"]  # anonymous readers never get the signed-in answer
    assert client.get(ITEMS, HTTP_IF_NONE_MATCH=signed_in["ETag"]).status_code == 200
