import pytest
from django.core.management import call_command
from wagtail.models import Site

from tests.support.browser import chromium_page
from tests.support.seed import read_seed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def served_demo(live_server):
    call_command("load_demo", site_url=live_server.url, stdout=open("/dev/null", "w"))
    assert Site.objects.get(is_default_site=True).root_url == live_server.url
    return live_server.url


def test_reader_sees_the_seed_topic_page_in_a_real_browser(served_demo):
    seed = read_seed()
    with chromium_page() as page:
        page.goto(f"{served_demo}/partnerships-collaboration/")

        assert page.locator("h1").inner_text() == seed.title
        titles = page.locator(".recent-items .card-title").all_inner_texts()
        metas = page.locator(".recent-items .card-meta").all_inner_texts()
        assert list(zip(titles, metas, strict=True)) == [
            (item.title, item.meta) for item in seed.items
        ]
        # The browser picks the rendition the layout needs, never one smaller than shown.
        hero = page.locator(".topic-photo img")
        assert hero.evaluate("img => img.naturalWidth >= img.clientWidth && img.complete")

        page.get_by_role("link", name="Webinars", exact=True).click()
        page.wait_for_url("**?kind=webinar")
        assert set(page.locator(".recent-items .card-meta").all_inner_texts()) == {
            item.meta for item in seed.items if "Webinar" in item.meta
        }

        page.locator(".related-topics").get_by_role("link", name=seed.related_title).click()
        page.wait_for_url("**/community-engagement/")
        assert page.locator("h1").inner_text() == seed.related_title


def test_keyboard_users_can_skip_to_the_content(served_demo):
    with chromium_page() as page:
        page.goto(f"{served_demo}/partnerships-collaboration/")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "Skip to content"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#main"
