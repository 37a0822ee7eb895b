"""People and partners saved before they were reviewed snippets stay live, with their data.

The migrations run for real, backwards to before the change and forwards again,
on whichever database the suite uses (SQLite or PostgreSQL).
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import ModelLogEntry

from partnerships.models import Partner, Person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("partnerships", "0003_partners")]


def migrate(targets=None):
    """Migrate to `targets` (the latest migrations if None); the models as they were there."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def saved_before_review():
    old = migrate(BEFORE)
    person = old.get_model("partnerships", "Person").objects.create(
        name="Dianne Connery", role="Director", organisation="Pottsboro Library", bio="Hi."
    )
    partner = old.get_model("partnerships", "Partner").objects.create(
        name="Texas Health Department", website="https://example.org/health"
    )
    yield person.pk, partner.pk
    migrate()


def test_existing_people_and_partners_stay_live_and_keep_their_data(saved_before_review):
    person_pk, partner_pk = saved_before_review
    migrate()

    person, partner = Person.objects.get(pk=person_pk), Partner.objects.get(pk=partner_pk)
    assert (person.name, person.role, person.organisation, person.bio) == (
        "Dianne Connery",
        "Director",
        "Pottsboro Library",
        "Hi.",
    )
    assert partner.website == "https://example.org/health"
    for obj in (person, partner):
        assert obj.live and obj.is_shown and not obj.has_unpublished_changes
        assert list(type(obj).objects.shown()) == [obj]


def test_their_history_starts_with_the_published_version(saved_before_review):
    person_pk, _ = saved_before_review
    migrate()
    person = Person.objects.get(pk=person_pk)

    (revision,) = person.revisions
    assert person.live_revision == person.latest_revision == revision
    assert revision.as_object().name == "Dianne Connery"
    assert revision.object_str == "Dianne Connery (Pottsboro Library)"
    (entry,) = ModelLogEntry.objects.for_instance(person)
    assert entry.action == "wagtail.publish" and entry.revision == revision


def test_the_migration_can_be_reversed(saved_before_review):
    person_pk, _ = saved_before_review
    migrate()

    old = migrate(BEFORE)

    assert old.get_model("partnerships", "Person").objects.get(pk=person_pk).name == (
        "Dianne Connery"
    )
