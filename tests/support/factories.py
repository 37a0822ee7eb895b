"""Pages built the way the admin builds them: under their parent, then published."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.models import HomePage
from partnerships.models import ArticlePage, TopicIndexPage, WebinarPage
from tests.podcasts.models import PodcastPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"

    class Meta:
        model = HomePage


class TopicFactory(wagtail_factories.PageFactory):
    title = "Partnerships & collaboration"
    intro = "<p>Working together.</p>"

    class Meta:
        model = TopicIndexPage


class ArticleFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    publish_date = datetime.date(2021, 11, 11)

    class Meta:
        model = ArticlePage


class WebinarFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Webinar {n}")
    publish_date = datetime.date(2021, 10, 19)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda webinar: webinar.starts_at + datetime.timedelta(hours=1))

    class Meta:
        model = WebinarPage


class PodcastFactory(wagtail_factories.PageFactory):
    """The kind a host site adds (tests/podcasts/)."""

    title = factory.Sequence(lambda n: f"Episode {n}")
    publish_date = datetime.date(2021, 11, 20)
    audio_url = "https://example.org/episode.mp3"
    duration_minutes = 42

    class Meta:
        model = PodcastPage


def webinar_with_presenters(topic, count):
    """A published webinar with `count` presenters, each with a portrait."""
    from partnerships.models import Person
    from partnerships.models.webinar import WebinarPagePresenter

    webinar = WebinarFactory(parent=topic)
    for n in range(count):
        person = Person.objects.create(
            name=f"Presenter {n}", photo=wagtail_factories.ImageFactory()
        )
        webinar.presenters.add(WebinarPagePresenter(person=person, sort_order=n))
    webinar.save_revision().publish()
    return webinar
