import pytest
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail_factories import DocumentFactory

from partnerships.models import ContentVersion, Partner, Person
from tests.support.factories import ArticleFactory, TopicFactory
from tests.support.restrictions import restrict

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
        lambda: restrict(article),
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


@pytest.fixture
def person():
    """A published person, as every person saved before review became one is."""
    person = Person.objects.create(name="Jo Smith")
    person.save_revision().publish()
    return person


@pytest.fixture
def never_published():
    person = Person(name="Ana Ruiz")
    CreateAction(person).execute()
    return Person.objects.get(pk=person.pk)


def test_a_draft_of_a_person_leaves_the_content_version_alone(
    person, django_capture_on_commit_callbacks
):
    person.name = "Jo Marsh"
    assert not changes_version(person.save_revision, django_capture_on_commit_callbacks)


def test_a_draft_of_a_person_never_published_leaves_the_content_version_alone(
    never_published, django_capture_on_commit_callbacks
):
    never_published.name = "Ana Ruiz Díaz"
    assert not changes_version(
        lambda: EditAction(never_published).execute(), django_capture_on_commit_callbacks
    )


@pytest.mark.parametrize("model", [Person, Partner])
def test_publishing_a_person_or_partner_changes_the_content_version(
    model, django_capture_on_commit_callbacks
):
    obj = model.objects.create(name="Named")
    obj.name = "Renamed"
    revision = obj.save_revision()
    assert changes_version(revision.publish, django_capture_on_commit_callbacks)


def test_unpublishing_a_person_changes_the_content_version(
    person, django_capture_on_commit_callbacks
):
    assert changes_version(person.unpublish, django_capture_on_commit_callbacks)


def test_changing_a_document_changes_the_content_version(django_capture_on_commit_callbacks):
    document = DocumentFactory(title="Report")
    document.title = "Annual report"
    assert changes_version(document.save, django_capture_on_commit_callbacks)
