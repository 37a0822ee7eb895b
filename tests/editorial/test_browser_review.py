"""The editorial cycle in a real browser: write, submit, review, publish, schedule."""

import datetime
import os

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from partnerships.editorial.roles import EDITOR, MODERATOR, group_name
from partnerships.models import ArticlePage, Person, TopicIndexPage, WebinarPage
from tests.support.browser import chromium_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Health literacy at the library: a partnership webinar"
SUMMARY = "Librarians and public health nurses show how they run health literacy sessions together."


@pytest.fixture
def served_demo(live_server, django_user_model):
    call_command("load_demo", site_url=live_server.url, stdout=open(os.devnull, "w"))
    for username, role in [("editor", EDITOR), ("moderator", MODERATOR)]:
        user = django_user_model.objects.create_user(
            username, f"{username}@example.com", f"{username}-password"
        )
        user.groups.add(Group.objects.get(name=group_name(role)))
    Person.objects.create(
        name="Dianne Connery", role="Library director", organisation="Pottsboro Library"
    )
    return live_server.url


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/admin/")


def log_out(page):
    page.context.clear_cookies()


def choose_suggested_tag(page, typed, suggestion):
    """Type the start of a tag and pick Wagtail's autocomplete suggestion."""
    tags = page.locator("ul.tagit input")
    with page.expect_response(lambda response: "tag-autocomplete" in response.url):
        tags.press_sequentially(typed, delay=80)
    page.locator(".ui-autocomplete .ui-menu-item", has_text=suggestion).click()


def keep_screenshot(page, artifacts, name, full_page=True):
    """Save a screenshot as a test artefact (docs/screenshots keeps a reviewed copy of each)."""
    page.screenshot(path=artifacts / name, full_page=full_page)


def test_editor_writes_a_webinar_moderator_approves_it_and_it_leads_the_topic(
    served_demo, artifacts
):
    topic = TopicIndexPage.objects.get(slug="partnerships-collaboration")
    with chromium_page(viewport={"width": 1280, "height": 900}) as page:
        # The editor writes the webinar under the topic.
        log_in(page, served_demo, "editor")
        page.goto(f"{served_demo}/admin/pages/{topic.pk}/")
        page.get_by_role("link", name="Add child page").first.click()
        page.get_by_role("link", name="Webinar", exact=True).click()
        page.wait_for_selector("#id_title")
        page.fill("#id_title", TITLE)
        page.fill("#id_starts_at", "2027-03-02 15:00")
        page.fill("#id_ends_at", "2027-03-02 16:00")
        page.fill("#id_registration_url", "https://example.org/register")

        page.locator("#id_presenters-OPEN_MODAL").click()
        modal = page.locator(".modal-content")
        modal.get_by_text("Dianne Connery").wait_for()
        modal.get_by_title("Select Dianne Connery (Pottsboro Library)").check()
        modal.get_by_role("button", name="Confirm selection").click()
        # The closing chooser hands focus back to its button; wait, or typing goes there.
        page.locator(".modal").wait_for(state="detached")
        page.locator("#id_presenters-0-person-title").wait_for()
        assert page.locator("#id_presenters-0-person-title").inner_text() == (
            "Dianne Connery (Pottsboro Library)"
        )

        page.fill("#id_summary", SUMMARY)
        assert page.locator(".excerpt-counter").inner_text() == (
            f"Lists will show all {len(SUMMARY)} characters of this summary."
        )

        choose_suggested_tag(page, "public he", "public health")
        page.locator("ul.tagit input").press_sequentially("health literacy,", delay=20)
        keep_screenshot(page, artifacts, "editor-form.png")

        page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
        page.get_by_role("button", name="Submit to Editorial review").click()
        page.wait_for_url(f"{served_demo}/admin/pages/{topic.pk}/**")
        webinar = WebinarPage.objects.get(title=TITLE)
        assert not webinar.live
        assert webinar.current_workflow_state is not None
        assert {tag.name for tag in webinar.tags.all()} == {"public health", "health literacy"}
        assert [c.person.name for c in webinar.presenters.all()] == ["Dianne Connery"]
        log_out(page)

        # The moderator finds it awaiting review and approves it.
        log_in(page, served_demo, "moderator")
        awaiting = page.locator("section", has_text="Awaiting your review").last
        awaiting.get_by_role("link", name=TITLE).first.click()
        page.wait_for_url(f"{served_demo}/admin/pages/{webinar.pk}/edit/")
        page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
        approve = page.get_by_role("button", name="Approve and Publish", exact=True)
        approve.wait_for()
        page.wait_for_timeout(500)  # let the menu finish opening before the picture
        keep_screenshot(page, artifacts, "moderator-review.png", full_page=False)
        approve.click()
        page.wait_for_url(f"{served_demo}/admin/pages/{topic.pk}/**")
        log_out(page)

        # Readers see it first on the topic page.
        page.goto(f"{served_demo}/partnerships-collaboration/")
        assert page.locator(".recent-items .card-title").first.inner_text() == TITLE
        assert page.locator(".recent-items .card-excerpt").first.inner_text() == SUMMARY

        # And programs reading the items API see it first too.
        api = page.request.get(
            f"{served_demo}/api/v2/items/?child_of={topic.pk}",
            headers={"Accept": "application/json"},
        )
        assert api.ok
        first = api.json()["items"][0]
        assert (first["title"], first["kind"]) == (TITLE, "webinar")
        assert sorted(first["tags"]) == ["health literacy", "public health"]


def test_moderator_schedules_an_article_that_appears_when_publish_scheduled_runs(served_demo):
    topic = TopicIndexPage.objects.get(slug="partnerships-collaboration")
    article = topic.add_child(
        instance=ArticlePage(title="Embargoed: new partnership grants", live=False)
    )
    article.save_revision()
    go_live = timezone.localtime() + datetime.timedelta(hours=2)

    with chromium_page(viewport={"width": 1280, "height": 900}) as page:
        log_in(page, served_demo, "moderator")
        page.goto(f"{served_demo}/admin/pages/{article.pk}/edit/")
        page.get_by_role("button", name="Status").first.click()
        page.get_by_role("button", name="Set schedule").click()
        dialog = page.locator("#schedule-publishing-dialog")
        dialog.get_by_role("button", name="Save schedule").wait_for()  # opened
        dialog.locator("#id_go_live_at").fill(go_live.strftime("%Y-%m-%d %H:%M"))
        with page.expect_navigation():
            page.keyboard.press("Control+s")  # Wagtail's shortcut for the dialog's Save schedule
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
        page.get_by_role("button", name="Schedule to publish").click()
        page.wait_for_url(f"{served_demo}/admin/pages/{topic.pk}/**")

        def first_listed():
            page.goto(f"{served_demo}/partnerships-collaboration/")
            return page.locator(".recent-items .card-title").first.inner_text()

        scheduled = ArticlePage.objects.get(pk=article.pk).scheduled_revision
        assert scheduled is not None
        # The picker may round what was typed; the schedule must still be in the future.
        assert scheduled.approved_go_live_at > timezone.now(), scheduled.approved_go_live_at
        assert first_listed() != article.title
        with time_machine.travel(
            scheduled.approved_go_live_at + datetime.timedelta(minutes=1), tick=False
        ):
            call_command("publish_scheduled", stdout=open(os.devnull, "w"))
        assert ArticlePage.objects.get(pk=article.pk).live
        assert first_listed() == article.title
