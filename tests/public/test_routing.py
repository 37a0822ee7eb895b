"""Pages are found in one query per step, and privacy is never skipped where it applies."""

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, User
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from partnerships.models import Person, WebinarPage
from tests.support.factories import ArticleFactory, TopicFactory, WebinarFactory
from tests.support.restrictions import restrict

pytestmark = pytest.mark.django_db


def test_a_topic_routes_to_an_item_as_its_own_kind_in_one_query(
    rf, topic, django_assert_num_queries
):
    webinar = WebinarFactory(parent=topic, slug="a-webinar")

    with django_assert_num_queries(1):
        routed, _, _ = topic.route(rf.get("/"), ["a-webinar"])
        assert routed.starts_at == webinar.starts_at
    assert type(routed) is WebinarPage


def test_a_page_of_another_type_under_home_is_still_routed(rf, home):
    other = home.add_child(instance=Page(title="About us", slug="about"))

    routed, _, _ = home.route(rf.get("/"), ["about"])

    assert routed.pk == other.pk
    with pytest.raises(Http404):
        home.route(rf.get("/"), ["nowhere"])


def test_an_item_nothing_restricts_is_served_without_privacy_queries(client, topic):
    item = ArticleFactory(parent=topic, slug="open-item")
    client.get(item.url)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(item.url).status_code == 200

    # Wagtail's check reads the ancestors (for aliases), then their restrictions.
    privacy_check = [
        q["sql"]
        for q in queries
        if q["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"')
        or '"wagtailcore_page"."alias_of_id" FROM' in q["sql"]
    ]
    assert privacy_check == []


def asks_to_log_in(response):
    return response.status_code == 302 and "/_util/login/" in response["Location"]


def test_a_restricted_item_asks_readers_to_log_in(client, topic):
    item = ArticleFactory(parent=topic, slug="members-only")
    restrict(item)

    assert asks_to_log_in(client.get(item.url))


@pytest.mark.parametrize("restricted", ["home", "topic"])
def test_a_restriction_covers_every_page_beneath(client, home, topic, restricted):
    item = ArticleFactory(parent=topic, slug="beneath")
    restrict(home if restricted == "home" else topic)

    assert asks_to_log_in(client.get(topic.url))
    assert asks_to_log_in(client.get(item.url))


def test_an_alias_of_a_restricted_item_is_restricted_like_its_source(client, home, topic):
    source = ArticleFactory(parent=topic, slug="source")
    elsewhere = TopicFactory(parent=home, slug="elsewhere")
    alias = source.create_alias(parent=elsewhere, update_slug="alias")
    restrict(source)  # after aliasing, so the alias holds no copy of it

    assert asks_to_log_in(client.get(alias.url))


def test_an_alias_of_a_restricted_topic_restricts_its_items(client, home, topic):
    ArticleFactory(parent=topic, slug="inside")
    alias = topic.create_alias(parent=home, update_slug="topic-alias", recursive=True)
    restrict(topic)  # after aliasing, so the aliases hold no copy of it

    assert asks_to_log_in(client.get(alias.url))
    assert asks_to_log_in(client.get(f"{alias.url}inside/"))


def test_members_of_the_group_are_served_a_group_restricted_item(client, topic):
    item = ArticleFactory(parent=topic, slug="for-members")
    members = Group.objects.create(name="Members")
    restrict(item, PageViewRestriction.GROUPS).groups.add(members)
    reader = User.objects.create_user("member", password="x")
    reader.groups.add(members)

    assert client.get(item.url).status_code == 302
    client.force_login(reader)
    assert client.get(item.url).status_code == 200


@pytest.mark.parametrize("kind", ["article", "webinar"])
def test_an_item_page_costs_the_same_with_one_person_or_five(client, topic, kind):
    def item_with_people(count):
        page = (ArticleFactory if kind == "article" else WebinarFactory)(parent=topic, live=False)
        credits = page.authors if kind == "article" else page.presenters
        for n in range(count):
            photo = wagtail_factories.ImageFactory()
            credits.create(person=Person.objects.create(name=f"Person {n}", photo=photo))
        page.save_revision().publish()
        client.get(page.url)  # renditions made and cached, as on a live site
        return page

    def queries(page):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        assert response.status_code == 200
        assert "Person 0" in response.text
        return len(captured)

    assert queries(item_with_people(1)) == queries(item_with_people(5))


def test_an_alias_of_a_restricted_item_is_not_listed_where_it_stands(client, home, topic):
    source = ArticleFactory(parent=topic, slug="source", title="Members news")
    elsewhere = TopicFactory(parent=home, slug="elsewhere")
    source.create_alias(parent=elsewhere, update_slug="alias")
    # Restricted after the alias was made: Wagtail copies a source's restrictions to a
    # new alias, but later ones stay on the source and apply to the alias from there.
    restrict(source)

    assert "Members news" not in client.get(elsewhere.url).text
    items = client.get(f"/api/v2/items/?child_of={elsewhere.pk}", HTTP_ACCEPT="application/json")
    assert items.json()["items"] == []
