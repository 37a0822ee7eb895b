"""Every change an editor makes to a page waits for a moderator before readers see it.

Each test: an editor changes something through the admin and submits it; an
anonymous reader still gets the published version (page, JSON-LD, API); a
moderator approves it; the reader gets the change, through the response cache.
"""

import pytest

from partnerships.models import ArticlePage, TopicIndexPage
from tests.support.factories import ArticleFactory, TopicFactory
from tests.support.moderation import approve_page, edit_page
from tests.support.readers import items_api, listed_titles, what_readers_see

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(topic):
    page = ArticleFactory(
        parent=topic,
        title="Libraries and clinics",
        summary="How a library and a clinic work together.",
        body=[("paragraph", "<p>Published body.</p>")],
    )
    page.tags.add("outreach")
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def other_topic(home):
    page = TopicFactory(parent=home, title="Community engagement", slug="community-engagement")
    page.save_revision().publish()
    return page


def test_an_article_changes_for_readers_only_once_a_moderator_approves(
    client, editor, moderator, article, committed
):
    what_readers_see(article)  # cached as published
    client.force_login(editor)
    with committed():
        edit_page(
            client,
            article,
            title="Libraries, clinics and schools",
            summary="Now with schools.",
            slug=article.slug,
        )

    seen = what_readers_see(article, fresh=True)
    assert "Libraries and clinics" in seen.html and "schools" not in seen.html
    assert seen.json_ld["headline"] == "Libraries and clinics"
    assert seen.api["title"] == "Libraries and clinics"
    assert seen.api["summary"] == "How a library and a clinic work together."

    client.force_login(moderator)
    with committed():
        approve_page(client, article)

    seen = what_readers_see(article)
    assert "Libraries, clinics and schools" in seen.html
    assert seen.json_ld["headline"] == "Libraries, clinics and schools"
    assert (seen.api["title"], seen.api["summary"]) == (
        "Libraries, clinics and schools",
        "Now with schools.",
    )


def test_tags_an_editor_adds_wait_for_a_moderator(
    client, editor, moderator, topic, article, committed
):
    listed = {"child_of": topic.pk, "fields": "tags"}
    items_api(listed)
    client.force_login(editor)
    with committed():
        edit_page(client, article, tags="outreach, health fair")

    seen = what_readers_see(article, fresh=True)
    assert "health fair" not in seen.html
    assert seen.api["tags"] == ["outreach"]
    assert items_api(listed, fresh=True)[0]["tags"] == ["outreach"]
    assert not items_api({"tag": "health-fair"})
    assert "Libraries and clinics" not in listed_titles(topic, tag="health-fair")

    client.force_login(moderator)
    with committed():
        approve_page(client, article)

    seen = what_readers_see(article)
    assert "health fair" in seen.html
    assert seen.api["tags"] == ["health fair", "outreach"]
    assert items_api(listed)[0]["tags"] == ["health fair", "outreach"]
    assert [item["id"] for item in items_api({"tag": "health-fair"})] == [article.pk]
    assert listed_titles(topic, tag="health-fair") == ["Libraries and clinics"]


def test_a_related_topic_an_editor_adds_waits_for_a_moderator(
    client, editor, moderator, topic, other_topic, committed
):
    topic.save_revision().publish()
    what_readers_see(topic)
    client.force_login(editor)
    with committed():
        edit_page(
            client,
            topic,
            slug=topic.slug,
            **{
                "related_topics-TOTAL_FORMS": "1",
                "related_topics-0-topic": str(other_topic.pk),
                "related_topics-0-ORDER": "1",
                "related_topics-0-id": "",
            },
        )

    seen = what_readers_see(topic, fresh=True)
    assert "Community engagement" not in seen.html
    assert seen.api["related_topics"] == []

    client.force_login(moderator)
    with committed():
        approve_page(client, topic)

    seen = what_readers_see(TopicIndexPage.objects.get(pk=topic.pk))
    assert ("Community engagement", other_topic.get_url()) in seen.links
    assert [related["id"] for related in seen.api["related_topics"]] == [other_topic.pk]


def test_a_moderator_publishes_a_change_of_their_own_at_once(client, moderator, article, committed):
    what_readers_see(article)
    client.force_login(moderator)
    with committed():
        edit_page(client, article, action="action-publish", title="Published by a moderator")

    seen = what_readers_see(article)
    assert seen.api["title"] == "Published by a moderator"
    assert seen.json_ld["headline"] == "Published by a moderator"
