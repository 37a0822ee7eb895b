import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from partnerships.models import ListablePage
from tests.support.factories import ArticleFactory, TopicFactory, WebinarFactory

pytestmark = pytest.mark.django_db


def listed_titles(topic):
    return [page.title for page in topic.recent_items()]


def test_topic_lists_newest_children_first_across_kinds(topic):
    ArticleFactory(parent=topic, title="Old news", publish_date=datetime.date(2021, 1, 1))
    WebinarFactory(parent=topic, title="Newest webinar", publish_date=datetime.date(2021, 12, 1))
    ArticleFactory(parent=topic, title="Middle news", publish_date=datetime.date(2021, 6, 1))

    assert listed_titles(topic) == ["Newest webinar", "Middle news", "Old news"]


def test_items_published_the_same_day_keep_a_stable_order(topic):
    same_day = datetime.date(2021, 5, 5)
    first = ArticleFactory(parent=topic, title="First", publish_date=same_day)
    second = WebinarFactory(parent=topic, title="Second", publish_date=same_day)

    assert [p.pk for p in topic.recent_items()] == [second.pk, first.pk]
    assert listed_titles(topic) == listed_titles(topic)


def test_listing_orders_by_editorial_date_not_publication_time(topic):
    backdated = ArticleFactory(
        parent=topic, title="Backdated", publish_date=datetime.date(2020, 1, 1)
    )
    ArticleFactory(parent=topic, title="Recent", publish_date=datetime.date(2021, 1, 1))
    backdated.save_revision().publish()  # published last, but dated earliest

    assert listed_titles(topic) == ["Recent", "Backdated"]


def test_listing_includes_only_the_topics_own_children(home, topic):
    other = TopicFactory(parent=home, title="Other", slug="other")
    ArticleFactory(parent=topic, title="Mine")
    ArticleFactory(parent=other, title="Theirs")

    assert listed_titles(topic) == ["Mine"]
    assert listed_titles(other) == ["Theirs"]


def test_drafts_and_unpublished_pages_are_never_listed(topic):
    ArticleFactory(parent=topic, title="Published")
    ArticleFactory(parent=topic, title="Draft", live=False)
    unpublished = ArticleFactory(parent=topic, title="Unpublished")
    unpublished.unpublish()

    assert listed_titles(topic) == ["Published"]


def test_a_published_page_with_a_newer_draft_lists_its_live_version(topic):
    page = ArticleFactory(parent=topic, title="Live title")
    page.title = "Draft title"
    page.save_revision()

    assert listed_titles(topic) == ["Live title"]


def test_expired_pages_disappear_at_their_expiry_time(topic):
    ArticleFactory(parent=topic, title="Current")
    ArticleFactory(
        parent=topic, title="Expired", expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    ArticleFactory(
        parent=topic, title="Expires later", expire_at=timezone.now() + datetime.timedelta(days=1)
    )

    assert sorted(listed_titles(topic)) == ["Current", "Expires later"]


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.GROUPS},
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "s3cret"},
    ],
)
def test_pages_behind_a_view_restriction_are_never_listed(topic, restriction):
    ArticleFactory(parent=topic, title="Public")
    private = ArticleFactory(parent=topic, title="Private")
    view_restriction = PageViewRestriction.objects.create(page=private, **restriction)
    if restriction["restriction_type"] == PageViewRestriction.GROUPS:
        view_restriction.groups.add(Group.objects.create(name="Members"))

    assert listed_titles(topic) == ["Public"]


def test_a_moved_item_is_listed_by_its_new_topic(home, topic):
    other = TopicFactory(parent=home, title="Other", slug="other")
    page = ArticleFactory(parent=topic, title="Travelling")

    page.move(other, pos="last-child")

    assert listed_titles(topic) == []
    assert listed_titles(other) == ["Travelling"]
    assert ListablePage.objects.get(pk=page.pk).topic_id == other.pk


def test_a_copied_item_is_listed_by_the_topic_it_was_copied_to(home, topic):
    other = TopicFactory(parent=home, title="Other", slug="other")
    page = ArticleFactory(parent=topic, title="Copied")

    page.copy(to=other, update_attrs={"slug": "copied"})

    assert listed_titles(topic) == ["Copied"]
    assert listed_titles(other) == ["Copied"]


def test_listing_filters_by_kind(topic):
    ArticleFactory(parent=topic, title="News")
    WebinarFactory(parent=topic, title="Webinar")

    assert [p.title for p in topic.recent_items().of_kinds(["webinar"])] == ["Webinar"]
    assert [p.title for p in topic.recent_items().of_kinds(["news"])] == ["News"]


def test_listing_filters_by_tag(topic):
    tagged = ArticleFactory(parent=topic, title="Tagged")
    tagged.tags.add("public health")
    tagged.save_revision().publish()
    ArticleFactory(parent=topic, title="Untagged")

    assert [p.title for p in topic.recent_items().tagged("public-health")] == ["Tagged"]


def test_excerpt_is_stored_when_the_page_is_published(topic):
    page = ArticleFactory(parent=topic, body=[("paragraph", "<p>First words.</p>")])
    assert ListablePage.objects.get(pk=page.pk).excerpt == "First words."

    page.summary = "A new summary."
    page.save_revision().publish()
    assert ListablePage.objects.get(pk=page.pk).excerpt == "A new summary."
