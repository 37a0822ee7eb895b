"""The request's Site comes from a cached list, chosen exactly as Wagtail chooses."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from partnerships.sites import site_for_hostname

from .factories import TopicFactory

pytestmark = pytest.mark.django_db

HOSTS = ["a.test", "b.test", "c.test"]
PORTS = [80, 443, 8000]
SITE_LAYOUTS = [
    [("a.test", 80, True)],
    [("a.test", 80, False)],
    [("a.test", 80, True), ("b.test", 80, False)],
    [("a.test", 80, True), ("b.test", 80, False), ("b.test", 8000, False)],
    [("a.test", 80, False), ("a.test", 8000, False), ("b.test", 443, True)],
    [("a.test", 8000, True), ("a.test", 80, False), ("c.test", 443, False)],
]


@pytest.mark.parametrize("layout", SITE_LAYOUTS)
def test_site_choice_agrees_with_wagtail_for_every_host_and_port(home, layout):
    Site.objects.all().delete()
    for hostname, port, is_default in layout:
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=is_default
        )
    sites = list(Site.objects.all())

    for hostname, port in itertools.product([*HOSTS, "unknown.test"], PORTS):
        try:
            wagtails = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            wagtails = None
        ours = site_for_hostname(sites, hostname, port)
        assert (ours and ours.pk) == (wagtails and wagtails.pk), (layout, hostname, port)


def test_finding_the_site_costs_no_query_once_the_sites_are_cached(client, home):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]


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
