"""The plugin's URLs claim only what they serve: a host's own routes beside them keep working."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.urls("tests.support.host_urls")


def test_the_hosts_own_api_router_under_api_v2_answers_after_ours(client, home):
    Redirect.objects.create(old_path="/old-partnerships", redirect_link="/partnerships/")

    response = client.get("/api/v2/redirects/")

    assert response.status_code == 200
    assert [item["location"] for item in response.json()["items"]] == ["/partnerships/"]


def test_the_plugins_endpoints_answer_beside_the_hosts(client, topic):
    ArticleFactory(parent=topic, title="Library news")

    items = client.get("/api/v2/items/")

    assert items.status_code == 200
    assert [item["title"] for item in items.json()["items"]] == ["Library news"]


def test_the_hosts_own_json_file_at_the_site_root_is_served(client, home):
    response = client.get("/manifest.json")

    assert response.status_code == 200
    assert response.json() == {"name": "The host's web app manifest"}


def test_a_hosts_file_under_a_topics_path_is_served_when_no_page_of_ours_serves_it(client, topic):
    response = client.get(f"/{topic.slug}/data.json")

    assert response.json() == {"section": topic.slug}


def test_a_feed_path_under_one_of_our_topics_is_ours(client, topic):
    response = client.get(f"/{topic.slug}/feed.rss")

    assert response["Content-Type"].startswith("application/rss+xml")


def test_a_feed_path_under_a_slug_that_is_not_our_page_is_the_hosts(client, home):
    response = client.get("/events/feed.rss")

    assert response.json() == {"section": "events"}


def test_a_feed_path_under_an_article_which_has_no_feed_is_the_hosts(client, topic):
    article = ArticleFactory(parent=topic, slug="library-news")

    response = client.get(f"/{article.slug}/feed.rss")

    assert response.json() == {"section": article.slug}
