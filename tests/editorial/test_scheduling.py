"""Go-live and expiry times, kept by `publish_scheduled` (run every minute by `make run`)."""

import datetime
import os

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerships.models import ArticlePage
from tests.support.admin_forms import edit_url, form_values
from tests.support.factories import ArticleFactory
from tests.support.html import listed_cards

pytestmark = pytest.mark.django_db


def admin_time(moment):
    """A date and time as typed into Wagtail's date-time fields (the site's time zone)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def publish_scheduled_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command("publish_scheduled", stdout=open(os.devnull, "w"))


def listed_titles(client, topic):
    return [title for title, _, _ in listed_cards(client.get(topic.url))]


@pytest.fixture
def soon():
    return timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(hours=1)


def test_a_scheduled_article_appears_at_its_go_live_time_and_goes_at_expiry(
    client, moderator, topic, soon
):
    article = ArticleFactory(parent=topic, title="Scheduled news", live=False)
    client.force_login(moderator)
    values = form_values(client.get(edit_url(article)))
    values.update(
        go_live_at=admin_time(soon),
        expire_at=admin_time(soon + datetime.timedelta(days=1)),
        **{"action-publish": "action-publish"},
    )
    client.post(edit_url(article), values)
    client.logout()

    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live and article.scheduled_revision is not None
    assert listed_titles(client, topic) == []

    publish_scheduled_at(soon - datetime.timedelta(minutes=1))
    assert listed_titles(client, topic) == []

    publish_scheduled_at(soon + datetime.timedelta(seconds=30))
    assert listed_titles(client, topic) == ["Scheduled news"]

    with time_machine.travel(soon + datetime.timedelta(days=1), tick=False):
        # Hidden at its exact expiry time, before publish_scheduled unpublishes it.
        assert listed_titles(client, topic) == []
    publish_scheduled_at(soon + datetime.timedelta(days=1, minutes=1))
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert ArticlePage.objects.get(pk=article.pk).expired


def test_an_approved_submission_with_a_go_live_time_waits_for_it(
    client, editor, moderator, topic, soon
):
    article = ArticleFactory(parent=topic, title="Embargoed news", live=False)
    client.force_login(editor)
    values = form_values(client.get(edit_url(article)))
    values.update(go_live_at=admin_time(soon), **{"action-submit": "action-submit"})
    client.post(edit_url(article), values)

    client.force_login(moderator)
    task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)),
        {"comment": ""},
    )
    client.logout()

    assert not ArticlePage.objects.get(pk=article.pk).live
    assert listed_titles(client, topic) == []
    publish_scheduled_at(soon + datetime.timedelta(minutes=1))
    assert listed_titles(client, topic) == ["Embargoed news"]
