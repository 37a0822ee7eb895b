"""Hidden pages never reach a reader, on any surface, on any Site, from any cache.

One matrix: every hidden state below × every reader surface in
`tests/surfaces.py` (HTML, JSON-LD, items, pages, pages search, find,
detail, recent_items, the three feed formats, calendars, search, sitemap).
Each state is read by a signed-in reader first (whose private answers must
not reach the shared cache), then twice anonymously (the second time from
the cache).
"""

import datetime
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction

from tests.support.factories import ArticleFactory, HomePageFactory, TopicFactory, WebinarFactory
from tests.support.restrictions import GROUPS, LOGIN, PASSWORD, restrict
from tests.support.surfaces import read_surface, reader_surfaces

pytestmark = pytest.mark.django_db

HIDDEN = "zqxhidden"
VISIBLE_TITLE = "Visible gardens webinar"
VISIBLE_SLUG = "visible-gardens-webinar"
# Surfaces that list items, where the visible webinar proves the surface works.
ADDRESSES_OF_THE_PAGE = {
    "page detail",
    "find",
    "v3 page detail",
    "v3 find",
    "page itself",
    "its calendar file",
}


def upcoming_webinar(parent, title, slug, **fields):
    soon = timezone.now() + datetime.timedelta(days=2)
    defaults = {"starts_at": soon, "ends_at": soon + datetime.timedelta(hours=1)}
    return WebinarFactory(
        parent=parent, title=title, slug=slug, summary=f"{title}.", **(defaults | fields)
    )


def hidden_webinar(parent, slug=f"{HIDDEN}-gardens-webinar", **fields):
    return upcoming_webinar(parent, f"{HIDDEN.capitalize()} gardens webinar", slug, **fields)


def make_draft(topic):
    return hidden_webinar(topic, live=False)


def make_unpublished(topic):
    page = hidden_webinar(topic)
    page.unpublish()
    return page


def make_expired(topic):
    return hidden_webinar(topic, expire_at=timezone.now() - datetime.timedelta(minutes=5))


def make_scheduled(topic):
    page = hidden_webinar(topic, live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision().publish()  # with a future go-live, this schedules it
    return page


def make_login_restricted(topic):
    page = hidden_webinar(topic)
    restrict(page, LOGIN)
    return page


def make_group_restricted(topic):
    page = hidden_webinar(topic)
    restrict(page, GROUPS)
    return page


def make_password_restricted(topic):
    page = hidden_webinar(topic)
    restrict(page, PASSWORD, password="s3cret-pass")
    return page


def make_alias_of_a_source_restricted_later(topic):
    source = hidden_webinar(topic, slug=f"{HIDDEN}-source")
    alias = source.create_alias(update_slug=f"{HIDDEN}-alias")
    restrict(source, LOGIN)  # Wagtail copies restrictions only at aliasing
    return alias


def make_alias_of_an_alias(topic):
    source = hidden_webinar(topic, slug=f"{HIDDEN}-source")
    alias = source.create_alias(update_slug=f"{HIDDEN}-alias")
    alias_of_alias = alias.create_alias(update_slug=f"{HIDDEN}-alias-of-alias")
    restrict(source, LOGIN)
    return alias_of_alias


def make_under_an_unpublished_topic(topic):
    other = TopicFactory(parent=topic.get_parent(), title="Closed topic", slug="closed-topic")
    page = hidden_webinar(other)
    other.unpublish()  # its children stay live, as Wagtail leaves them
    return page


def make_under_an_expired_topic(topic):
    other = TopicFactory(
        parent=topic.get_parent(),
        title="Ended topic",
        slug="ended-topic",
        expire_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    return hidden_webinar(other)


def make_on_another_site(topic):
    from wagtail.models import Page, Site

    branch = HomePageFactory(parent=Page.get_first_root_node(), title="Branch", slug="branch")
    Site.objects.create(hostname="localhost", port=80, root_page=branch)
    other = TopicFactory(parent=branch, title="Branch topic", slug="branch-topic")
    return hidden_webinar(other)


HIDDEN_STATES = {
    "draft": make_draft,
    "unpublished": make_unpublished,
    "expired": make_expired,
    "scheduled": make_scheduled,
    "login": make_login_restricted,
    "group": make_group_restricted,
    "password": make_password_restricted,
    "alias of a source restricted later": make_alias_of_a_source_restricted_later,
    "alias of an alias": make_alias_of_an_alias,
    "under an unpublished topic": make_under_an_unpublished_topic,
    "under an expired topic": make_under_an_expired_topic,
    "on another site": make_on_another_site,
}


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_pages_never_reach_a_reader(client, topic, state, django_user_model):
    visible = upcoming_webinar(topic, VISIBLE_TITLE, VISIBLE_SLUG)
    page = HIDDEN_STATES[state](topic)
    call_command("update_index", stdout=open("/dev/null", "w"))
    surfaces = reader_surfaces(topic, page, query="gardens")
    assert len(surfaces) == 34

    # A signed-in reader passes the restrictions; their answers are private.
    client.force_login(django_user_model.objects.create_superuser("allowed", password="x"))
    for _name, path, headers, reading in surfaces:
        read_surface(client, path, headers, reading)
    client.logout()

    for attempt in ("uncached", "cached"):
        for name, path, headers, reading in surfaces:
            status, body = read_surface(client, path, headers, reading)
            where = f"{state}: {name} ({attempt}, {path})"
            assert status in (200, 302, 404), (where, status)
            # The page's own addresses may repeat the address asked for (a
            # login form's return URL); its title and text never appear.
            secret = f"{HIDDEN} gardens" if name in ADDRESSES_OF_THE_PAGE else HIDDEN
            assert secret not in body.lower(), f"leaked through {where}"
            if name not in ADDRESSES_OF_THE_PAGE:
                assert status == 200, (where, status)
                assert VISIBLE_TITLE in body or VISIBLE_SLUG in body, f"{where} lists nothing"
    assert visible.live


def test_a_scheduled_page_appears_once_publish_scheduled_runs_at_its_time(client, topic):
    page = ArticleFactory(parent=topic, title=HIDDEN, live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page.save_revision().publish()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert HIDDEN not in client.get(topic.url).content.decode()

    time.sleep(2.5)
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))

    assert HIDDEN in client.get(topic.url).content.decode()


def test_a_signed_in_reader_sees_login_restricted_items_privately(client, topic):
    page = make_login_restricted(topic)
    client.force_login(User.objects.create_user("reader", password="x"))

    listing = client.get(topic.url)
    api = client.get("/api/v2/items/", HTTP_ACCEPT="application/json")
    detail = client.get(page.url)
    calendar = client.get(f"{page.url}calendar.ics")

    assert HIDDEN in listing.content.decode().lower() and HIDDEN in api.content.decode().lower()
    assert detail.status_code == 200
    assert calendar.status_code == 200 and b"BEGIN:VEVENT" in calendar.content
    for response in (listing, api, detail, calendar):
        assert "private" in response["Cache-Control"], response.request["PATH_INFO"]
        assert "public" not in response["Cache-Control"]


def test_group_restricted_items_show_only_to_members(client, topic):
    page = make_group_restricted(topic)
    outsider = User.objects.create_user("outsider", password="x")
    member = User.objects.create_user("member", password="x")
    member.groups.add(Group.objects.get(name="Members"))

    client.force_login(outsider)
    assert HIDDEN not in client.get(topic.url).content.decode().lower()
    # The calendar file is refused exactly as the page is (Wagtail asks to sign in again).
    assert client.get(f"{page.url}calendar.ics").status_code == client.get(page.url).status_code
    assert b"BEGIN:VEVENT" not in client.get(f"{page.url}calendar.ics").content
    client.force_login(member)
    assert HIDDEN in client.get(topic.url).content.decode().lower()
    assert client.get(page.url).status_code == 200
    assert client.get(f"{page.url}calendar.ics").status_code == 200


def test_anonymous_pages_are_publicly_cacheable(client, topic):
    response = client.get(topic.url)
    assert "public" in response["Cache-Control"] and "Cookie" in response["Vary"]


def test_shared_password_privacy_is_switched_off(settings):
    assert settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}
    assert settings.WAGTAILDOCS_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}


def test_images_and_documents_in_private_collections_are_absent_from_the_api(client, topic):
    import wagtail_factories
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    wagtail_factories.ImageFactory(title="Public image")
    wagtail_factories.ImageFactory(title="Private image", collection=private)
    Document.objects.create(
        title="Private document", collection=private, file=ContentFile(b"x", name="private.txt")
    )

    images = client.get("/api/v2/images/", HTTP_ACCEPT="application/json").json()
    documents = client.get("/api/v2/documents/", HTTP_ACCEPT="application/json").json()
    assert [image["title"] for image in images["items"]] == ["Public image"]
    assert documents["items"] == []


@pytest.mark.parametrize(
    "path", ["feed.rss", "feed.atom", "feed.json", "webinars.ics"], ids=lambda path: path
)
def test_a_restricted_topic_serves_no_feed_or_calendar(client, topic, path):
    ArticleFactory(parent=topic, title=HIDDEN)
    restrict(topic, LOGIN)

    response = client.get(f"{topic.url}{path}")

    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/")
    assert HIDDEN.encode() not in response.content
    assert HIDDEN not in client.get("/feed.rss").content.decode()


@pytest.fixture
def two_sites(topic):
    """The main site (testserver) and a branch library's (localhost), each with a topic and item."""
    from wagtail.models import Page, Site

    upcoming_webinar(topic, "Main gardens webinar", "main-gardens-webinar")
    branch = HomePageFactory(parent=Page.get_first_root_node(), title="Branch", slug="branch")
    Site.objects.create(hostname="localhost", port=80, root_page=branch, site_name="Branch")
    branch_topic = TopicFactory(parent=branch, title="Branch topic", slug="branch-topic")
    upcoming_webinar(branch_topic, "Branch gardens webinar", "branch-gardens-webinar")
    return {
        "testserver": (topic, "Main gardens", "Branch gardens"),
        "localhost": (branch_topic, "Branch gardens", "Main gardens"),
    }


def test_each_site_shows_only_its_own_content_with_its_own_etags(client, two_sites):
    call_command("update_index", stdout=open("/dev/null", "w"))
    etags = {}
    for host, (topic, own, other) in two_sites.items():
        for attempt in ("uncached", "cached"):
            for name, path, headers, reading in reader_surfaces(topic, query="gardens"):
                response = client.get(path, HTTP_HOST=host, **headers)
                body = json_ld_or_text(response, reading)
                where = f"{host} {name} ({attempt})"
                assert response.status_code == 200, where
                own_slug, other_slug = (marker.lower().replace(" ", "-") for marker in (own, other))
                assert own in body or own_slug in body, where
                assert other not in body and other_slug not in body, where
                if response.has_header("ETag"):
                    etags.setdefault(path, {})[host] = response["ETag"]
    shared_paths = {path for path, by_host in etags.items() if len(by_host) == 2}
    assert shared_paths == {
        "/api/v2/items/",
        "/api/v2/items/?search=gardens",
        "/api/v2/items/?upcoming=true",
        "/api/v3/items/",
        "/api/v3/items/?search=gardens",
        "/api/v3/items/?upcoming=true",
        "/api/v2/pages/",
        "/api/v2/pages/?search=gardens",
        "/feed.rss",
        "/feed.atom",
        "/feed.json",
        "/webinars.ics",
        "/sitemap.xml",
    }
    for path in shared_paths:
        assert etags[path]["testserver"] != etags[path]["localhost"], path


def json_ld_or_text(response, reading):
    from tests.support.surfaces import json_ld_text

    return json_ld_text(response) if reading == "json-ld" else response.content.decode()


def test_a_site_created_without_this_process_knowing_is_served_at_once(client, home):
    """No list of sites is kept in memory: a Site another process saves is served next request.

    The row is written with plain SQL, so no signal of this process hears of
    it, as with a Site saved by another app server or a shell.
    """
    from django.db import connection
    from wagtail.models import Site

    branch_topic = TopicFactory(parent=home, title="Branch topic", slug="branch-topic")
    assert client.get("/", HTTP_HOST="localhost").context["page"].pk == home.pk

    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Site._meta.db_table} (hostname, port, site_name, root_page_id, "  # noqa: S608
            "is_default_site) VALUES (%s, %s, %s, %s, %s)",
            ["localhost", 80, "Branch", branch_topic.pk, False],
        )

    assert client.get("/", HTTP_HOST="localhost").context["page"].pk == branch_topic.pk


def test_a_site_saved_anywhere_changes_every_cached_answer_for_its_host(
    client, home, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    branch_topic = TopicFactory(parent=home, title="Branch topic", slug="branch-topic")
    upcoming_webinar(branch_topic, "Branch gardens webinar", "branch-gardens-webinar")
    upcoming_webinar(
        TopicFactory(parent=home, slug="main"), "Main gardens webinar", "main-gardens-webinar"
    )
    before = client.get("/feed.rss", HTTP_HOST="localhost")  # the default site's, now cached
    assert b"Main gardens" in before.content

    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="localhost", port=80, root_page=branch_topic)

    after = client.get("/feed.rss", HTTP_HOST="localhost")
    assert b"Main gardens" not in after.content and b"Branch gardens" in after.content
    assert after["ETag"] != before["ETag"]


def test_an_item_vanishes_everywhere_at_its_expiry_without_publish_scheduled(
    client, topic, django_capture_on_commit_callbacks
):
    import time_machine

    expiry = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=10)
    upcoming_webinar(topic, VISIBLE_TITLE, VISIBLE_SLUG)
    with django_capture_on_commit_callbacks(execute=True):
        hidden_webinar(topic, live=False, expire_at=expiry).save_revision().publish()
    call_command("update_index", stdout=open("/dev/null", "w"))
    surfaces = reader_surfaces(topic, query="gardens")

    before = {}
    for name, path, headers, reading in surfaces:
        response = client.get(path, **headers)
        assert HIDDEN in json_ld_or_text(response, reading).lower(), f"{name} before its expiry"
        if name.startswith("v3 pages"):
            # Wagtail's own routes: not cached by the plugin, and stored by no cache.
            assert not response.has_header("Cache-Control") and not response.has_header("ETag")
        else:
            assert 0 < max_age(response) <= 600, (name, response.get("Cache-Control"))
        before[path] = response.get("ETag")

    with time_machine.travel(expiry + datetime.timedelta(seconds=1)):
        for name, path, headers, reading in surfaces:
            for extra in ({}, {"HTTP_IF_NONE_MATCH": before[path]} if before[path] else {}):
                response = client.get(path, **headers, **extra)
                assert response.status_code == 200, (name, extra)
                assert HIDDEN not in json_ld_or_text(response, reading).lower(), name


def max_age(response):
    directives = dict(
        part.strip().partition("=")[::2]
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    )
    return int(directives.get("max-age", -1))
