"""The page editor as editors meet it: clear messages, nothing typed lost, helpful previews."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from partnerships.editorial.forms import tidy_tag_names
from partnerships.models import ArticlePage, Person, WebinarPage
from tests.support.admin_forms import add_url, edit_url, form_values
from tests.support.factories import ArticleFactory, WebinarFactory
from tests.support.html import soup, text

pytestmark = pytest.mark.django_db

TYPED = {
    "title": "Libraries and public health",
    "slug": "libraries-and-public-health",
    "summary": "How libraries and health departments reach people together.",
    "registration_url": "https://example.org/register",
    "starts_at": "2027-03-02 15:00",
    "ends_at": "2027-03-02 16:00",
    "tags": "public health, outreach",
}


def post_new_webinar(client, topic, action="action-submit", **changes):
    """Post the add form with TYPED and `changes` (action None: save a draft).

    Returns the response and what was typed.
    """
    values = form_values(client.get(add_url(WebinarPage, topic)))
    values.update(TYPED, **changes)
    if action:
        values[action] = action
    return client.post(add_url(WebinarPage, topic), values), {**TYPED, **changes}


def assert_everything_typed_is_kept(response, typed):
    assert response.status_code == 200  # the form again, not a crash or a redirect
    shown = form_values(response)
    for field, value in typed.items():
        if field == "tags":
            assert sorted(t.strip() for t in shown["tags"].split(",")) == sorted(
                t.strip() for t in value.split(",")
            )
        else:
            assert shown[field] == value, field
    assert not WebinarPage.objects.filter(slug=typed["slug"]).exists()


def error_for(response, field):
    page = soup(response)
    wrapper = page.find(attrs={"name": field}).find_parent(attrs={"data-field-wrapper": True})
    return text(wrapper.select_one(".error-message"))


@pytest.fixture
def logged_in_editor(client, editor):
    client.force_login(editor)
    return client


def test_webinar_that_ends_before_it_starts_is_refused_keeping_what_was_typed(
    logged_in_editor, topic
):
    response, typed = post_new_webinar(logged_in_editor, topic, ends_at="2027-03-02 14:00")

    assert_everything_typed_is_kept(response, typed)
    assert error_for(response, "ends_at") == "The webinar must end after it starts."


@pytest.mark.parametrize(
    ("address", "why"),
    [
        (
            "javascript:alert(document.domain)",
            "“javascript:” links run code in the reader's browser",
        ),
        ("data:text/html,<script>alert(1)</script>", "“data:” links can hide a whole page"),
        ("ftp://example.org/register", "“ftp:” links open in few browsers today"),
        ("mailto:events@example.org", "Enter a full web address"),
    ],
)
def test_a_link_that_is_not_a_web_address_is_refused_saying_why(
    logged_in_editor, topic, address, why
):
    response, typed = post_new_webinar(logged_in_editor, topic, registration_url=address)

    assert_everything_typed_is_kept(response, typed)
    message = error_for(response, "registration_url")
    assert message.startswith(why), message
    assert "https://" in message


def test_publish_date_more_than_a_year_ahead_is_refused_keeping_what_was_typed(
    logged_in_editor, topic
):
    too_late = (timezone.localdate() + datetime.timedelta(days=400)).isoformat()
    response, typed = post_new_webinar(logged_in_editor, topic, publish_date=too_late)

    assert_everything_typed_is_kept(response, typed)
    assert (
        error_for(response, "publish_date") == "The publish date can be at most a year from today."
    )


def test_a_valid_webinar_is_saved_with_everything_typed(logged_in_editor, topic):
    response, typed = post_new_webinar(logged_in_editor, topic, action=None)

    assert response.status_code == 302
    webinar = WebinarPage.objects.get(slug=typed["slug"])
    assert webinar.summary == typed["summary"]
    assert sorted(tag.name for tag in webinar.tags.all()) == ["outreach", "public health"]


@pytest.mark.parametrize(
    "summary, says",
    [
        ("", "Empty: lists will show up to 250 characters from the start of the body."),
        ("Short  and\nsweet.", "Lists will show all 16 characters of this summary."),
        ("x" * 300, "This summary has 300 characters: keep it to 250, as much as lists show."),
    ],
)
def test_summary_says_how_many_characters_the_listing_will_use(
    logged_in_editor, topic, summary, says
):
    page = ArticleFactory(parent=topic)
    # As a page saved before summaries had a limit would hold it.
    ArticlePage.objects.filter(pk=page.pk).update(summary=summary)

    response = logged_in_editor.get(edit_url(page))

    assert says in text(soup(response).select_one(".excerpt-counter"))


def test_summary_counter_follows_the_excerpt_length_setting(logged_in_editor, topic, settings):
    settings.PARTNERSHIPS = {"EXCERPT_LENGTH": 120}
    response = logged_in_editor.get(add_url(ArticlePage, topic))

    assert "up to 120 characters" in text(soup(response).select_one(".excerpt-counter"))


def test_tag_autocomplete_is_offered(logged_in_editor, topic):
    response = logged_in_editor.get(add_url(ArticlePage, topic))
    tags = soup(response).find(attrs={"name": "tags"})

    autocomplete_url = tags["data-w-tag-url-value"]
    Tag.objects.create(name="public health", slug="public-health")
    assert "public health" in logged_in_editor.get(autocomplete_url, {"term": "pub"}).text


def test_tags_differing_only_by_case_or_spaces_become_one_tag(logged_in_editor, topic):
    existing = ArticleFactory(parent=topic)
    existing.tags.add("public health")
    existing.save()

    response, typed = post_new_webinar(
        logged_in_editor, topic, tags="Public  Health, PUBLIC HEALTH,  Outreach , outreach"
    )

    assert response.status_code == 302
    webinar = WebinarPage.objects.get(slug=typed["slug"])
    assert sorted(tag.name for tag in webinar.tags.all()) == ["Outreach", "public health"]
    assert Tag.objects.filter(name__iexact="public health").count() == 1


def test_tidy_tag_names_collapses_spaces_and_case_repeats():
    assert tidy_tag_names(["  Rural   libraries ", "rural libraries", "", "Health"]) == [
        "Rural libraries",
        "Health",
    ]


def test_people_are_chosen_with_a_chooser_that_searches(logged_in_editor, topic):
    Person.objects.create(name="Dianne Connery", organisation="Pottsboro Library")
    Person.objects.create(name="Ana Ruiz", organisation="Free Library of Philadelphia")
    chooser_url = reverse("person_chooser:choose")

    form = logged_in_editor.get(add_url(WebinarPage, topic))
    assert chooser_url in form.text  # the presenters panel opens this chooser

    everyone = logged_in_editor.get(chooser_url)
    assert "Dianne Connery" in everyone.text and "Ana Ruiz" in everyone.text
    found = logged_in_editor.get(reverse("person_chooser:choose_results"), {"q": "Dianne"})
    assert "Dianne Connery" in found.text and "Ana Ruiz" not in found.text


def test_editors_can_add_a_missing_person_from_the_chooser(logged_in_editor):
    response = logged_in_editor.post(
        reverse("person_chooser:create"),
        {"name": "Ana Ruiz", "role": "Outreach librarian", "organisation": "Free Library"},
    )

    assert response.status_code == 200
    assert Person.objects.filter(name="Ana Ruiz", organisation="Free Library").exists()


def test_chosen_presenters_and_partners_are_saved_and_shown(logged_in_editor, topic):
    from partnerships.models import Partner

    person = Person.objects.create(name="Dianne Connery", organisation="Pottsboro Library")
    partner = Partner.objects.create(name="Texas Health Department")
    response, typed = post_new_webinar(
        logged_in_editor,
        topic,
        action=None,
        **{
            "presenters-TOTAL_FORMS": "1",
            "presenters-0-person": str(person.pk),
            "presenters-0-ORDER": "1",
            "presenters-0-id": "",
            "partners-TOTAL_FORMS": "1",
            "partners-0-partner": str(partner.pk),
            "partners-0-ORDER": "1",
            "partners-0-id": "",
        },
    )

    assert response.status_code == 302
    webinar = WebinarPage.objects.get(slug=typed["slug"])
    assert [credit.person for credit in webinar.presenters.all()] == [person]
    assert [link.partner for link in webinar.partners.all()] == [partner]
    webinar.save_revision().publish()
    page = soup(logged_in_editor.get(webinar.url))
    assert "Dianne Connery" in text(page.select_one(".people"))
    assert "Texas Health Department" in text(page.select_one(".item-partners"))


def test_preview_shows_the_listing_card_as_well_as_the_page(logged_in_editor, topic):
    page = WebinarFactory(parent=topic, title="Saved title")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    values = form_values(logged_in_editor.get(edit_url(page)))
    values.update(title="Title being typed", summary="A summary being typed.")

    assert logged_in_editor.post(preview_url, values).json()["is_valid"]
    card = soup(logged_in_editor.get(preview_url, {"mode": "listing-card"}))
    whole_page = soup(logged_in_editor.get(preview_url, {"mode": ""}))

    assert text(card.select_one(".recent-items .card-title")) == "Title being typed"
    assert text(card.select_one(".card-meta")).startswith("Publish Date: Webinar / ")
    assert text(card.select_one(".card-excerpt")) == "A summary being typed."
    assert text(whole_page.h1) == "Title being typed"
    assert not whole_page.select_one(".recent-items")


def test_preview_modes_are_offered_to_editors(logged_in_editor, topic):
    page = ArticleFactory(parent=topic)
    response = logged_in_editor.get(edit_url(page))

    assert "Listing card" in response.text
