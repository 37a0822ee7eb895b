"""A Site saved anywhere is served at once: the request's Site is Wagtail's own lookup."""

import pytest
from wagtail.models import Page, Site

from tests.support.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_a_new_site_answers_its_host_on_the_next_request(client, home, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.test"]
    topic = TopicFactory(parent=home, slug="own-site")
    assert client.get("/", HTTP_HOST="other.test").context["page"].pk == home.pk

    Site.objects.create(hostname="other.test", port=80, root_page=topic)

    assert client.get("/", HTTP_HOST="other.test").context["page"].pk == topic.pk


def test_a_moved_site_root_is_served_from_its_new_place(
    client, home, django_capture_on_commit_callbacks
):
    topic = TopicFactory(parent=home, slug="moving")
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="testserver", port=80, root_page=topic, is_default_site=True)
    detail = f"/api/v2/pages/{topic.pk}/"
    assert client.get(detail).status_code == 200  # caches the sites, with the root's tree path

    with django_capture_on_commit_callbacks(execute=True):
        topic.move(Page.get_first_root_node(), pos="last-child")

    assert client.get(detail).status_code == 200
    assert client.get("/").context["page"].pk == topic.pk
