import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from partnerships.content.excerpts import ELLIPSIS
from partnerships.models import ArticlePage, ListablePage, TopicIndexPage, WebinarPage
from tests.support.html import listed_cards, soup, text
from tests.support.seed import read_seed

pytestmark = pytest.mark.django_db
SEED = read_seed()
EXCERPT_LENGTH = 250


def test_topic_page_reproduces_the_seed_list_in_order_with_labels_and_dates(client, demo):
    cards = listed_cards(client.get("/partnerships-collaboration/"))

    assert [(title, meta) for title, meta, _ in cards] == [
        (item.title, item.meta) for item in SEED.items
    ]


def test_listing_excerpts_match_the_seed_cut_at_word_boundaries(client, demo):
    cards = listed_cards(client.get("/partnerships-collaboration/"))

    for (_, _, excerpt), item in zip(cards, SEED.items, strict=True):
        if not item.excerpt.endswith("..."):
            assert excerpt == item.excerpt  # webinars: the summary, whole
            continue
        # The seed cuts at exactly 250 characters, sometimes inside a word; we
        # cut at the last word boundary within 250, so ours is a prefix of it.
        ours = excerpt.removesuffix(ELLIPSIS)
        assert excerpt.endswith(ELLIPSIS)
        assert len(ours) <= EXCERPT_LENGTH
        assert item.excerpt.removesuffix("...").startswith(ours)
        assert len(ours) >= EXCERPT_LENGTH - 25, "the cut loses at most one word"


def test_topic_page_shows_title_intro_credit_and_related_topic(client, demo):
    page = soup(client.get("/partnerships-collaboration/"))

    assert text(page.h1) == SEED.title
    assert text(page.select_one(".topic-intro")) == SEED.intro
    assert text(page.select_one(".topic-photo figcaption")) == SEED.credit
    related = page.select_one(".related-topics li")
    assert text(related.h3) == SEED.related_title
    assert text(related.p) == SEED.related_teaser
    assert related.a["href"] == "/community-engagement/"


def test_demo_loader_creates_the_seed_pages_as_editors_would(demo):
    assert demo.url == "/partnerships-collaboration/"
    assert ArticlePage.objects.child_of(demo).live().count() == 5
    assert WebinarPage.objects.child_of(demo).live().count() == 5
    for page in ListablePage.objects.child_of(demo):
        assert Revision.page_revisions.filter(object_id=str(page.pk)).exists()
    community = TopicIndexPage.objects.get(slug="community-engagement")
    assert community.url == "/community-engagement/"
    assert [link.topic for link in demo.related_topics.all()] == [community]


def test_demo_loader_is_idempotent_and_keeps_editors_changes(demo):
    counts = Page.objects.count(), Revision.objects.count()
    edited = ArticlePage.objects.child_of(demo).first()
    edited.title = "Edited by an editor"
    edited.save_revision().publish()

    call_command("load_demo", site_url="http://testserver", stdout=open("/dev/null", "w"))

    assert Page.objects.count() == counts[0]
    assert Revision.objects.count() == counts[1] + 1  # only the editor's revision
    assert ArticlePage.objects.get(pk=edited.pk).title == "Edited by an editor"


def test_demo_loader_points_the_site_at_the_served_address(db):
    call_command("load_demo", site_url="http://127.0.0.1:8123", stdout=open("/dev/null", "w"))

    topic = TopicIndexPage.objects.get(slug="partnerships-collaboration")
    assert topic.full_url == "http://127.0.0.1:8123/partnerships-collaboration/"


def test_demo_loader_rejects_a_site_url_that_is_not_absolute(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="absolute URL"):
        call_command("load_demo", site_url="not-a-url", stdout=open("/dev/null", "w"))


def test_every_demo_page_renders(client, demo):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) == 14  # home, two topics, ten items, the accessibility statement
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
