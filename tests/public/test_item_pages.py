"""Item pages read in order: what the item says, then who, with whom, and its tags."""

import pytest

from partnerships.models import Partner, Person, WebinarPagePresenter
from tests.support.factories import ArticleFactory, WebinarFactory
from tests.support.html import soup, text

pytestmark = pytest.mark.django_db


def outline(response):
    """The main column's headings and content blocks, in document order."""
    main = soup(response).main
    wanted = main.select("h1, h2, h3, .item-summary, .item-body, .webinar-when")
    return [element.name if element.name[0] == "h" else element["class"][0] for element in wanted]


@pytest.mark.parametrize("kind", ["article", "webinar"])
def test_summary_and_body_come_first_then_people_partners_and_tags(client, topic, kind):
    body = [("heading", "What we learnt"), ("paragraph", "<p>The whole story.</p>")]
    factory = ArticleFactory if kind == "article" else WebinarFactory
    page = factory(parent=topic, summary="In short.", body=body, live=False)
    person = Person.objects.create(name="Dianne Connery")
    if kind == "article":
        page.authors.create(person=person)
    else:
        page.presenters.add(WebinarPagePresenter(person=person))
    page.save_revision().publish()
    page.partners.create(partner=Partner.objects.create(name="Grayson County Health"))
    page.tags.add("outreach")
    page.save_revision().publish()

    response = client.get(page.url)
    order = outline(response)

    start = ["h1", "webinar-when"] if kind == "webinar" else ["h1"]
    assert order == [*start, "item-summary", "item-body", "h2", "h2", "h2", "h2"]
    headings = [text(h) for h in soup(response).main.select("h2")]
    people = "Written by" if kind == "article" else "Presented by"
    assert headings == ["What we learnt", people, "In partnership with", "Tags"]
