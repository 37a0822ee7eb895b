import pytest

from partnerships.models import ListablePage, Person, WebinarPagePresenter
from tests.support.factories import ArticleFactory, TopicFactory, WebinarFactory
from tests.support.html import soup, text

pytestmark = pytest.mark.django_db


def found(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200, response.content[:500]
    return [text(title) for title in soup(response).select(".search-results .card-title")]


def publish(page):
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "query, title",
    [
        ("telehealth", "Community of Practice for Telehealth at the Library"),  # title
        ("empowerment", "CFPB’s Your Money, Your Goals: Financial Empowerment for Your Community"),
        ("Philadelphia", "Skills for Community-Centered Libraries Curriculum Available"),  # body
        ("bookmobile", "Public Health is Part of Library Outreach"),  # body
        ("oral history", "OurStoryBridge: Creating Community Through Stories"),  # tag
    ],
)
def test_search_finds_seed_items_by_title_summary_body_and_tag(client, demo, query, title):
    assert title in found(client, q=query)


def test_search_finds_webinars_by_presenter_and_news_by_author(client, topic):
    webinar = WebinarFactory(parent=topic, title="Gardens", live=False)
    webinar.presenters.add(
        WebinarPagePresenter(person=Person.objects.create(name="Dianne Connery"))
    )
    publish(webinar)
    article = ArticleFactory(parent=topic, title="Seeds", live=False)
    article.authors.create(person=Person.objects.create(name="Ada Okonkwo"))
    publish(article)

    assert found(client, q="connery") == ["Gardens"]
    assert found(client, q="Okonkwo") == ["Seeds"]


def test_a_renamed_person_is_found_under_the_new_name(client, topic):
    person = Person.objects.create(name="Jo Smith")
    webinar = WebinarFactory(parent=topic, title="Renamed", live=False)
    webinar.presenters.add(WebinarPagePresenter(person=person))
    publish(webinar)

    person.name = "Jo Marsh"
    person.save()

    assert found(client, q="marsh") == ["Renamed"]
    assert found(client, q="smith") == []


def test_search_puts_the_most_relevant_item_first(client, topic):
    ArticleFactory(
        parent=topic, title="Budgets", body=[("paragraph", "<p>One word on gardens.</p>")]
    )
    ArticleFactory(
        parent=topic,
        title="Gardens",
        summary="Gardens, gardens and more gardens.",
        body=[("paragraph", "<p>Community gardens everywhere.</p>")],
    )

    assert found(client, q="gardens") == ["Gardens", "Budgets"]


def test_search_filters_by_kind_and_topic(client, home, topic):
    other = TopicFactory(parent=home, title="Other", slug="other")
    ArticleFactory(parent=topic, title="Garden news")
    WebinarFactory(parent=topic, title="Garden webinar")
    ArticleFactory(parent=other, title="Garden elsewhere")

    assert sorted(found(client, q="garden", kind="webinar")) == ["Garden webinar"]
    assert sorted(found(client, q="garden", topic=other.pk)) == ["Garden elsewhere"]
    assert found(client, q="garden", kind="news", topic=topic.pk) == ["Garden news"]


def test_search_results_are_paginated(client, topic):
    for n in range(12):
        ArticleFactory(parent=topic, title=f"Orchard {n}")

    first, second = (client.get("/search/", {"q": "orchard", "page": n}) for n in (1, 2))

    assert len(soup(first).select(".search-results .card")) == 10
    assert len(soup(second).select(".search-results .card")) == 2
    assert "12 results for “orchard”" in text(soup(first).select_one(".search-count"))
    assert client.get("/search/", {"q": "orchard", "page": 3}).status_code == 404


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "garden", "kind": "newsletter"}, "There is no kind called “newsletter”."),
        ({"q": "garden", "topic": "999999"}, "There is no topic with the id “999999”."),
        ({"q": "garden", "topic": "abc"}, "There is no topic with the id “abc”."),
        ({"q": "x" * 10_000}, "Search for at most 200 characters."),
    ],
)
def test_bad_search_parameters_get_a_bad_request_that_says_why(client, demo, params, message):
    response = client.get("/search/", params)

    assert response.status_code == 400
    assert message in text(soup(response).select_one(".search-error"))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        "'",
        "*",
        "health AND",
        "NEAR(health outreach)",
        "-health",
        "health:*",
        "^",
        "((((",
        "' OR 1=1 --",
        "a" * 200,
        "a " * 100,
        "😀 santé",
    ],
)
def test_hostile_queries_get_a_clean_answer(client, demo, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200


@pytest.mark.parametrize("query", ["\x00", "health\x00outreach"])
def test_nul_characters_in_a_query_are_a_bad_request_saying_why(client, demo, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 400
    assert "q: NUL characters are not allowed" in text(soup(response).select_one(".search-error"))


def test_an_empty_query_asks_for_words(client, demo):
    response = client.get("/search/")

    assert response.status_code == 200
    assert "Type a word or two" in response.text


def test_ten_thousand_characters_are_refused(client, demo):
    response = client.get("/search/", {"q": "x" * 10_000})

    assert response.status_code == 400


def test_search_listing_is_the_queryset_method_the_api_shares(topic):
    ArticleFactory(parent=topic, title="Garden news")
    WebinarFactory(parent=topic, title="Garden webinar")

    news = ListablePage.objects.visible().of_kinds(["news"]).filter(topic=topic)
    ranked_ids = news.search_listing("garden")

    assert [ListablePage.objects.get(pk=pk).title for pk in ranked_ids] == ["Garden news"]
    assert ListablePage.objects.visible().search_listing(' "*(  -: ') == []
