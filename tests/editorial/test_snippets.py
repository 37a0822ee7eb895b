"""People and partners are reviewed: an editor's change reaches readers once a moderator publishes.

Readers see a person or partner on item pages, in their JSON-LD, through the
API (a page's details and the items listing) and in search; each of them shows
only the published version, and nothing that was never published.
"""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowState

from partnerships.models import ArticlePage, ArticlePageAuthor, ListablePagePartner, Partner, Person
from tests.support.admin_forms import form_values, snippet_url
from tests.support.factories import ArticleFactory
from tests.support.html import soup, text
from tests.support.moderation import approve_page, approve_snippet, edit_page, edit_snippet
from tests.support.readers import items_api, search_titles, what_readers_see

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return Person.objects.create(name="Jo Smith", role="Librarian", organisation="Pottsboro")


@pytest.fixture
def partner():
    return Partner.objects.create(name="Texas Health Department", website="https://example.org/")


@pytest.fixture
def article(topic, person, partner):
    page = ArticleFactory(parent=topic, title="Gardens and health", live=False)
    # Numbered as the admin numbers them (a row without a number sorts first on
    # SQLite and last on PostgreSQL).
    page.authors.add(ArticlePageAuthor(person=person, sort_order=0))
    page.partners.add(ListablePagePartner(partner=partner, sort_order=0))
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def author_names(seen):
    return {
        "page": seen.html,
        "api": [author["name"] for author in seen.api["authors"]],
        # Structured data leaves out an empty author list.
        "json-ld": [author["name"] for author in seen.json_ld.get("author", [])],
    }


def listed_authors(topic, fresh=False):
    items = items_api({"child_of": topic.pk, "fields": "authors"}, fresh=fresh)
    return [author["name"] for item in items for author in item["authors"]]


def test_a_renamed_person_reaches_readers_once_a_moderator_publishes_the_name(
    client, editor, moderator, topic, article, person, committed
):
    what_readers_see(article)
    listed_authors(topic)
    client.force_login(editor)
    with committed():
        edit_snippet(client, person, name="Jo Marsh")

    assert Person.objects.get(pk=person.pk).name == "Jo Smith"  # the row is the live version
    seen = author_names(what_readers_see(article, fresh=True))
    assert "Jo Smith" in seen["page"] and "Jo Marsh" not in seen["page"]
    assert seen["api"] == seen["json-ld"] == ["Jo Smith"]
    assert listed_authors(topic, fresh=True) == ["Jo Smith"]
    assert search_titles("marsh") == [] and search_titles("smith") == ["Gardens and health"]

    client.force_login(moderator)
    with committed():
        approve_snippet(client, person)

    seen = author_names(what_readers_see(article))
    assert "Jo Marsh" in seen["page"] and "Jo Smith" not in seen["page"]
    assert seen["api"] == seen["json-ld"] == ["Jo Marsh"]
    assert listed_authors(topic) == ["Jo Marsh"]
    assert search_titles("marsh") == ["Gardens and health"] and search_titles("smith") == []


def test_a_partners_new_website_reaches_readers_once_a_moderator_publishes_it(
    client, editor, moderator, article, partner, committed
):
    client.force_login(editor)
    with committed():
        edit_snippet(client, partner, website="https://elsewhere.example.net/")

    links = what_readers_see(article, fresh=True).links
    assert ("Texas Health Department", "https://example.org/") in links
    assert not any("elsewhere" in (href or "") for _, href in links)

    client.force_login(moderator)
    with committed():
        approve_snippet(client, partner)

    links = what_readers_see(article).links
    assert ("Texas Health Department", "https://elsewhere.example.net/") in links


def test_an_editor_cannot_publish_a_person_with_a_crafted_post(client, editor, article, person):
    client.force_login(editor)

    edit_snippet(client, person, action="action-publish", name="Jo Marsh")

    person.refresh_from_db()
    assert person.name == "Jo Smith" and person.has_unpublished_changes
    assert author_names(what_readers_see(article, fresh=True))["api"] == ["Jo Smith"]


def test_a_moderator_publishes_a_change_to_a_person_at_once(
    client, moderator, article, person, committed
):
    what_readers_see(article)
    client.force_login(moderator)
    with committed():
        edit_snippet(client, person, action="action-publish", name="Jo Marsh")

    assert author_names(what_readers_see(article))["api"] == ["Jo Marsh"]


def test_unpublishing_a_person_takes_them_off_every_page(
    client, moderator, topic, article, person, committed
):
    what_readers_see(article)
    listed_authors(topic)
    client.force_login(moderator)
    with committed():
        client.post(snippet_url(Person, "unpublish", person.pk))

    seen = author_names(what_readers_see(article))
    assert "Jo Smith" not in seen["page"]
    assert seen["api"] == seen["json-ld"] == []
    assert listed_authors(topic) == []
    assert search_titles("smith") == []


def create_from_chooser(client, model, **fields):
    chooser = {Person: "person_chooser", Partner: "partner_chooser"}[model]
    response = client.post(reverse(f"{chooser}:create"), fields)
    assert response.status_code == 200
    return model.objects.get(name=fields["name"])


def test_a_person_an_editor_creates_from_the_chooser_waits_for_a_moderator(
    client, editor, moderator, topic, article, committed, mailoutbox
):
    client.force_login(editor)
    created = create_from_chooser(client, Person, name="Ana Ruiz", organisation="Free Library")
    with committed():
        edit_page(
            client,
            article,
            **{
                "authors-TOTAL_FORMS": "2",
                "authors-1-person": str(created.pk),
                "authors-1-ORDER": "2",
                "authors-1-id": "",
            },
        )

    assert not created.live
    assert created.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert any(moderator.email in m.to and "Ana Ruiz" in m.subject for m in mailoutbox)

    client.force_login(moderator)
    assert "Ana Ruiz" in client.get(reverse("wagtailadmin_home")).text  # awaiting review
    with committed():
        approve_page(client, article)

    seen = author_names(what_readers_see(article))
    assert "Ana Ruiz" not in seen["page"], "the page is published; the person is not yet"
    assert seen["api"] == seen["json-ld"] == ["Jo Smith"]
    assert listed_authors(topic) == ["Jo Smith"]
    assert search_titles("ruiz") == []

    with committed():
        approve_snippet(client, created)

    seen = author_names(what_readers_see(article))
    assert "Ana Ruiz" in seen["page"]
    assert seen["api"] == seen["json-ld"] == ["Jo Smith", "Ana Ruiz"]
    assert listed_authors(topic) == ["Jo Smith", "Ana Ruiz"]
    assert search_titles("ruiz") == ["Gardens and health"]


def test_a_partner_an_editor_creates_from_the_chooser_is_a_draft_in_review(client, editor):
    client.force_login(editor)

    created = create_from_chooser(client, Partner, name="Free Library", website="https://a.org/")

    assert not created.live and created.workflow_in_progress
    assert not Partner.objects.shown().filter(pk=created.pk).exists()


def test_a_moderator_creating_from_the_chooser_publishes_at_once(client, moderator):
    client.force_login(moderator)

    created = create_from_chooser(client, Person, name="Ana Ruiz")

    assert created.live and not created.workflow_in_progress
    assert created.live_revision == created.latest_revision


def test_the_chooser_shows_which_people_are_drafts(client, editor, person):
    client.force_login(editor)
    create_from_chooser(client, Person, name="Ana Ruiz")

    results = soup(client.get(reverse("person_chooser:choose_results")))

    rows = [text(row) for row in results.select("tbody tr")]
    assert rows == ["Ana Ruiz in moderation", "Jo Smith (Pottsboro) live"]


def revert(client, person, revision):
    url = snippet_url(Person, "revisions_revert", person.pk, revision.pk)
    values = form_values(client.get(url), field_in_form="name")
    values["action-submit"] = "action-submit"
    response = client.post(url, values)
    assert response.status_code == 302
    return response


def test_a_persons_history_keeps_every_version_and_an_earlier_one_can_be_restored(
    client, editor, moderator, article, person, committed
):
    first = person.save_revision()
    first.publish()
    client.force_login(editor)
    edit_snippet(client, person, name="Jo Marsh")
    client.force_login(moderator)
    with committed():
        approve_snippet(client, person)
    assert author_names(what_readers_see(article))["api"] == ["Jo Marsh"]

    client.force_login(editor)
    history = client.get(snippet_url(Person, "history", person.pk))
    assert history.status_code == 200 and "Jo Marsh" in history.text
    latest = Person.objects.get(pk=person.pk).latest_revision
    compare = snippet_url(Person, "revisions_compare", person.pk, first.pk, latest.pk)
    comparison = text(soup(client.get(compare)))
    assert "Smith" in comparison and "Marsh" in comparison
    with committed():
        revert(client, person, first)

    reverted = Person.objects.get(pk=person.pk)
    assert reverted.get_latest_revision_as_object().name == "Jo Smith"
    assert reverted.name == "Jo Marsh", "an editor's revert is a draft, reviewed like any other"
    assert author_names(what_readers_see(article, fresh=True))["api"] == ["Jo Marsh"]
    assert ModelLogEntry.objects.for_instance(person).filter(action="wagtail.revert").exists()

    client.force_login(moderator)
    with committed():
        approve_snippet(client, person)

    seen = author_names(what_readers_see(article))
    assert seen["api"] == seen["json-ld"] == ["Jo Smith"]
