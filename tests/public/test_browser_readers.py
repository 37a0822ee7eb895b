"""What readers see in a real browser: webinar cards, upcoming events, the search box,
and axe-core's WCAG 2.1 AA check of every kind of public page and the plugin's admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from partnerships.models import ArticlePage, Partner, Person, WebinarPage, WebinarPagePresenter
from tests.support.axe import axe_results, describe
from tests.support.browser import chromium_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def served_demo(live_server):
    """The demo, plus an upcoming webinar with a presenter, a partner and registration."""
    call_command("load_demo", site_url=live_server.url, stdout=open("/dev/null", "w"))
    topic_page = WebinarPage.objects.first().get_parent()
    starts_at = (timezone.now() + datetime.timedelta(days=9)).replace(
        hour=19, minute=0, second=0, microsecond=0
    )
    webinar = WebinarPage(
        title="Libraries and Public Health Departments: Planning a Joint Program",
        slug="planning-a-joint-program",
        publish_date=timezone.localdate(),
        summary="Librarians and health officers share how they plan programs together.",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        registration_url="https://example.org/register",
        live=False,
    )
    webinar.presenters.add(
        WebinarPagePresenter(
            person=Person.objects.create(
                name="Dianne Connery", role="Library director", organisation="Pottsboro Library"
            )
        )
    )
    topic_page.add_child(instance=webinar)
    webinar.partners.create(partner=Partner.objects.create(name="Grayson County Health"))
    webinar.save_revision().publish()
    return live_server.url


def print_results(capsys, lines):
    with capsys.disabled():
        print()
        for line in lines:
            print(line)


def test_webinar_cards_and_upcoming_events_in_a_real_browser(served_demo, artifacts):
    with chromium_page() as page:
        page.goto(f"{served_demo}/partnerships-collaboration/")

        sections = page.locator("main section h2").all_inner_texts()
        assert sections.index("Upcoming events") < sections.index("Most Recently Added")
        card = page.locator(".upcoming-items .card").first
        assert card.locator(".card-title").inner_text() == (
            "Libraries and Public Health Departments: Planning a Joint Program"
        )
        assert card.locator(".badge").inner_text() == "Upcoming"
        assert " p.m. E" in card.locator(".when").inner_text()  # "2–3 p.m. EST"
        register = card.locator(".card-actions a")
        assert register.text_content() == (
            "Register: Libraries and Public Health Departments: Planning a Joint Program"
        )
        assert register.get_attribute("href") == "https://example.org/register"
        assert register.bounding_box()["height"] >= 44
        card.screenshot(path=artifacts / "webinar-card.png")

        past = page.locator(".recent-items .card-webinar", has_text="Smart Spaces")
        assert past.locator(".badge").inner_text() == "Past"
        assert past.locator(".card-meta").inner_text() == "Publish Date: Webinar / 27 April 2021"
        hero = page.locator(".topic-photo img")
        assert hero.get_attribute("loading") == "eager"
        assert hero.get_attribute("fetchpriority") == "high"
        assert "1600w" in hero.get_attribute("srcset") and hero.get_attribute("sizes")
        page.set_viewport_size({"width": 1100, "height": 900})
        page.screenshot(path=artifacts / "topic-page.png", full_page=True)

        page.locator(".upcoming-items .card-title a").first.click()
        page.wait_for_url("**/planning-a-joint-program/")
        assert page.locator(".webinar-when .badge").inner_text() == "Upcoming"


def test_readers_search_from_the_header_and_see_each_results_topic(served_demo):
    with chromium_page() as page:
        page.goto(f"{served_demo}/accessibility/")
        page.get_by_role("searchbox", name="Search news and webinars").fill("telehealth")
        page.get_by_role("search").get_by_role("button", name="Search").click()
        page.wait_for_url("**/search/?q=telehealth")

        result = page.locator(".search-results .card")
        assert result.locator(".card-title").inner_text() == (
            "Community of Practice for Telehealth at the Library"
        )
        assert result.locator(".card-meta").inner_text() == "Publish Date: News / 1 June 2021"
        assert result.locator(".card-topic").inner_text() == "Topic: Partnerships & collaboration"


@pytest.mark.parametrize("width", [320, 1100])
def test_the_search_form_is_readable_and_its_labels_sit_on_their_fields(served_demo, width):
    with chromium_page(viewport={"width": width, "height": 800}) as page:
        page.goto(f"{served_demo}/search/?q=health")
        form = page.locator("main .search-form")
        for field_id in ("search-q", "search-kind", "search-topic"):
            label = form.locator(f'label[for="{field_id}"]').bounding_box()
            field = form.locator(f"#{field_id}")
            box = field.bounding_box()
            assert label["y"] + label["height"] <= box["y"] + 1, field_id  # stacked above
            assert abs(label["x"] - box["x"]) <= 1, field_id  # and aligned with it
            assert box["height"] >= 44, field_id
            assert field.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16
            assert box["x"] + box["width"] <= width  # no sideways scrolling
        button = form.get_by_role("button", name="Search")
        assert button.bounding_box()["height"] >= 44
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        sizes = page.locator("main .search-results p").evaluate_all(
            "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert sizes and min(sizes) >= 16


def public_pages(base):
    article = ArticlePage.objects.get(slug="public-health-is-part-of-library-outreach")
    return [
        ("home", "/"),
        ("topic", "/partnerships-collaboration/"),
        ("topic, page 2", "/partnerships-collaboration/?page=2"),
        ("topic, webinars tagged", "/partnerships-collaboration/?kind=webinar&tag=public-health"),
        ("article", article.url),
        ("webinar (upcoming)", "/partnerships-collaboration/planning-a-joint-program/"),
        ("webinar (past)", "/partnerships-collaboration/smart-spaces-are-community-places/"),
        ("search with results", "/search/?q=health"),
        ("page not found", "/no-such-page/"),
        ("accessibility statement", "/accessibility/"),
    ]


def test_every_kind_of_public_page_passes_axe_wcag_21_aa(served_demo, capsys):
    lines, failures = [], []
    with chromium_page() as page:
        for name, path in public_pages(served_demo):
            page.goto(served_demo + path)
            results = axe_results(page)
            lines.append(describe(name, results))
            failures += [(name, v) for v in results["violations"]]
    print_results(capsys, lines)
    assert failures == []


def test_the_plugins_admin_screens_pass_axe_wcag_21_aa(served_demo, capsys):
    get_user_model().objects.create_superuser("axe", "axe@example.org", "axe-password")
    article = ArticlePage.objects.get(slug="public-health-is-part-of-library-outreach")
    webinar = WebinarPage.objects.get(slug="planning-a-joint-program")
    screens = [
        ("dashboard", "/admin/"),
        ("Webinars report", "/admin/partnerships/webinarpage/"),
        ("People", "/admin/partnerships/person/"),
        ("Partners", "/admin/partnerships/partner/"),
        ("editor: news article", f"/admin/pages/{article.pk}/edit/"),
        ("editor: webinar", f"/admin/pages/{webinar.pk}/edit/"),
    ]
    lines, failures = [], []
    with chromium_page(viewport={"width": 1280, "height": 900}) as page:
        page.goto(f"{served_demo}/admin/login/")
        page.fill("#id_username", "axe")
        page.fill("#id_password", "axe-password")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{served_demo}/admin/")
        for name, path in screens:
            page.goto(served_demo + path)
            page.wait_for_load_state("networkidle")
            results = axe_results(page)
            lines.append(describe(name, results))
            failures += [(name, v) for v in results["violations"]]
        # The editor's date-time fields keep what was typed (Wagtail's picker would not).
        page.goto(f"{served_demo}/admin/pages/{webinar.pk}/edit/")
        starts = page.locator("#id_starts_at")
        starts.fill("12/10/2026 2:00 PM")
        page.locator("#id_title").click()  # leave the field: the picker checks it now
        page.wait_for_timeout(300)
        assert starts.input_value() == "12/10/2026 2:00 PM"
    print_results(capsys, lines)
    assert failures == []
