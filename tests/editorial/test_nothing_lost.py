"""Every save is kept, older versions come back, and nothing is deleted without asking."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from partnerships.models import ArticlePage, ListablePage, TopicIndexPage
from tests.support.admin_forms import edit_url, form_values
from tests.support.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def save_draft(client, page, **changes):
    values = form_values(client.get(edit_url(page)))
    values.update(changes)
    response = client.post(edit_url(page), values)
    assert response.status_code == 302
    return response


def test_every_save_keeps_a_revision(client, editor, topic):
    page = ArticleFactory(parent=topic, title="First words")
    client.force_login(editor)
    before = page.revisions.count()

    save_draft(client, page, title="Second thoughts")
    save_draft(client, page, title="Third time lucky")

    titles = [r.content["title"] for r in page.revisions.order_by("created_at", "pk")]
    assert page.revisions.count() == before + 2
    assert titles[-2:] == ["Second thoughts", "Third time lucky"]


def test_restoring_an_older_revision_brings_its_content_back(client, editor, moderator, topic):
    page = ArticleFactory(parent=topic, title="Original title", summary="Original summary.")
    original = page.save_revision()
    client.force_login(editor)
    save_draft(client, page, title="Rewritten title", summary="Rewritten summary.")

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, original.pk))
    restored_form = client.get(revert_url)
    assert form_values(restored_form)["title"] == "Original title"
    save_draft(client, page, **form_values(restored_form))

    latest = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert (latest.title, latest.summary) == ("Original title", "Original summary.")
    assert page.revisions.count() == 3  # the original, the rewrite and the restore


def test_deleting_a_topic_with_children_asks_first_and_says_what_goes(client, admin_user, topic):
    ArticleFactory(parent=topic)
    ArticleFactory(parent=topic)
    client.force_login(admin_user)
    delete_url = reverse("wagtailadmin_pages:delete", args=(topic.pk,))

    confirmation = client.get(delete_url)

    assert confirmation.status_code == 200
    assert "Deleting this page will also delete 2 more child pages." in confirmation.text
    assert ListablePage.objects.child_of(topic).count() == 2  # asking deletes nothing


def test_moderators_cannot_delete_a_topic_that_still_has_children(client, moderator, topic):
    ArticleFactory(parent=topic)
    client.force_login(moderator)

    client.post(reverse("wagtailadmin_pages:delete", args=(topic.pk,)))

    assert TopicIndexPage.objects.filter(pk=topic.pk).exists()
    assert ListablePage.objects.child_of(topic).count() == 1


def test_deleting_a_topic_leaves_items_filed_elsewhere_alone(home, topic):
    other = TopicFactory(parent=home, title="Other", slug="other")
    kept = ArticleFactory(parent=other, title="Kept")
    related = ArticleFactory(parent=topic)
    other.related_topics.create(topic=topic)
    other.save()

    Page.objects.get(pk=topic.pk).delete()

    assert not ListablePage.objects.filter(pk=related.pk).exists()
    assert ListablePage.objects.get(pk=kept.pk).topic_id == other.pk
    assert TopicIndexPage.objects.filter(pk=other.pk).exists()
