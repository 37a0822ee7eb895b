"""The People and Partners snippets, the Webinars section, and the dashboard editors land on."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Partner, Person
from tests.support.admin_forms import edit_url, snippet_url
from tests.support.factories import WebinarFactory
from tests.support.html import soup, text

pytestmark = pytest.mark.django_db


def listed_rows(response):
    return [text(row) for row in soup(response).select("table.listing tbody tr")]


@pytest.fixture
def people():
    return [
        Person.objects.create(name="Dianne Connery", role="Director", organisation="Pottsboro"),
        Person.objects.create(name="Ana Ruiz", role="Librarian", organisation="Free Library"),
        Person.objects.create(name="Sam Lee", role="Nurse", organisation="Pottsboro"),
    ]


def test_people_section_lists_searches_and_filters_by_organisation(client, editor, people):
    client.force_login(editor)
    url = snippet_url(Person, "list")

    everyone = listed_rows(client.get(url))
    found = listed_rows(client.get(url, {"q": "Ruiz"}))
    pottsboro = listed_rows(client.get(url, {"organisation": "Pottsboro"}))

    assert len(everyone) == 3
    assert len(found) == 1 and "Ana Ruiz" in found[0]
    assert len(pottsboro) == 2 and all("Pottsboro" in row for row in pottsboro)


def test_people_section_shows_whether_each_person_is_published(client, editor, people):
    client.force_login(editor)
    client.post(snippet_url(Person, "add"), {"name": "Ana Draft", "organisation": "Pottsboro"})

    rows = listed_rows(client.get(snippet_url(Person, "list")))

    assert next(row for row in rows if row.startswith("Ana Draft")).endswith("draft")
    assert next(row for row in rows if row.startswith("Sam Lee")).endswith("live")


def test_editors_add_people_with_a_validated_form(client, editor):
    client.force_login(editor)
    url = snippet_url(Person, "add")

    refused = client.post(url, {"name": "", "organisation": "Pottsboro"})
    client.post(url, {"name": "Ana Ruiz", "organisation": "Free Library", "bio": "Hi."})

    assert refused.status_code == 200 and 'value="Pottsboro"' in refused.text
    added = Person.objects.get(name="Ana Ruiz")
    assert not added.live, "an editor's new person is a draft until a moderator publishes it"


def test_partners_section_lists_and_searches_partners(client, moderator):
    Partner.objects.create(name="Texas Health Department", website="https://example.org")
    Partner.objects.create(name="Free Library of Philadelphia")
    client.force_login(moderator)
    url = snippet_url(Partner, "list")

    assert len(listed_rows(client.get(url))) == 2
    found = listed_rows(client.get(url, {"q": "Texas"}))
    assert len(found) == 1 and "Texas Health Department" in found[0]


def test_a_partner_must_have_a_web_address_not_a_script(client, moderator):
    client.force_login(moderator)
    url = snippet_url(Partner, "add")

    response = client.post(url, {"name": "Shady", "website": "javascript:alert(1)"})

    assert response.status_code == 200
    assert not Partner.objects.filter(name="Shady").exists()


@pytest.fixture
def webinars(topic, editor):
    now = timezone.now()
    presenter = Person.objects.create(name="Dianne Connery")
    upcoming = WebinarFactory(parent=topic, title="Upcoming one")
    upcoming.presenters.create(person=presenter)
    upcoming.save_revision().publish()
    past = WebinarFactory(
        parent=topic,
        title="Past one",
        starts_at=now - datetime.timedelta(days=30),
        ends_at=now - datetime.timedelta(days=30, hours=-1),
    )
    draft = WebinarFactory(parent=topic, title="Draft one", live=False)
    in_review = WebinarFactory(parent=topic, title="In review one", live=False)
    in_review.save_revision(user=editor)
    in_review.get_workflow().start(in_review, editor)
    return {"upcoming": upcoming, "past": past, "draft": draft, "in review": in_review}


def test_webinars_section_shows_status_presenters_and_edit_links(client, moderator, webinars):
    client.force_login(moderator)
    response = client.get(reverse("partnerships_webinarpage_modeladmin_index"))
    rows = listed_rows(response)

    assert len(rows) == 4
    for status, webinar in webinars.items():
        row = next(r for r in rows if r.startswith(webinar.title))
        assert row.endswith(status), row
        assert edit_url(webinar) in response.text
    upcoming_row = next(r for r in rows if r.startswith("Upcoming one"))
    assert "Dianne Connery" in upcoming_row and "Partnerships & collaboration" in upcoming_row


@pytest.mark.parametrize(
    "when, titles",
    [
        ("upcoming", {"Upcoming one", "Draft one", "In review one"}),
        ("past", {"Past one"}),
    ],
)
def test_webinars_section_filters_upcoming_and_past(client, moderator, webinars, when, titles):
    client.force_login(moderator)
    response = client.get(reverse("partnerships_webinarpage_modeladmin_index"), {"when": when})

    rows = listed_rows(response)
    assert {
        w.title for w in webinars.values() if any(r.startswith(w.title) for r in rows)
    } == titles


def test_dashboard_shows_upcoming_webinars_to_editors(client, editor, webinars):
    client.force_login(editor)
    panel = soup(client.get(reverse("wagtailadmin_home"))).select_one("#upcoming-webinars-section")

    listed = [text(row) for row in panel.select("tbody tr")]
    assert {row.split(" ")[0] for row in listed} == {"Upcoming", "Draft", "In"}
    assert "Dianne Connery" in next(row for row in listed if row.startswith("Upcoming one"))
    assert all("Past one" not in row for row in listed)


def test_dashboard_shows_moderators_what_awaits_their_review(client, moderator, webinars):
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home"))

    assert "Awaiting your review" in dashboard.text
    assert "In review one" in dashboard.text


def test_dashboard_shows_editors_nothing_to_review(client, editor, webinars):
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home"))

    assert "Awaiting your review" not in dashboard.text
