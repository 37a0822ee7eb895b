import pytest
from wagtail.models import PageViewRestriction

from partnerships.models import ContentVersion

from .factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(topic):
    return ArticleFactory(parent=topic)


def changes_version(action, capture):
    before = ContentVersion.current().version
    with capture(execute=True):
        action()
    return ContentVersion.current().version > before


def test_publishing_changes_the_content_version(article, django_capture_on_commit_callbacks):
    assert changes_version(
        lambda: article.save_revision().publish(), django_capture_on_commit_callbacks
    )


def test_unpublishing_changes_the_content_version(article, django_capture_on_commit_callbacks):
    assert changes_version(article.unpublish, django_capture_on_commit_callbacks)


def test_moving_changes_the_content_version(home, article, django_capture_on_commit_callbacks):
    other = TopicFactory(parent=home, slug="other")
    assert changes_version(
        lambda: article.move(other, pos="last-child"), django_capture_on_commit_callbacks
    )


def test_deleting_changes_the_content_version(article, django_capture_on_commit_callbacks):
    assert changes_version(article.delete, django_capture_on_commit_callbacks)


def test_restricting_a_page_changes_the_content_version(
    article, django_capture_on_commit_callbacks
):
    assert changes_version(
        lambda: PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.LOGIN
        ),
        django_capture_on_commit_callbacks,
    )


def test_saving_a_draft_leaves_the_content_version_alone(
    article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()
    article.title = "Draft"
    assert not changes_version(article.save_revision, django_capture_on_commit_callbacks)


def test_the_version_is_recorded_only_after_the_transaction_commits(
    article, django_capture_on_commit_callbacks
):
    before = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save_revision().publish()
    assert callbacks and ContentVersion.current() == before
