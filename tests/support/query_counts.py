"""Counting a request's queries at the sizes that matter: many items, an empty response cache."""

import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnerships.models import ContentVersion


def import_items(topic, count):
    """`count` generated items under `topic`, written by the plugin's bulk importer (fast)."""
    call_command(
        "import_items",
        topic=str(topic.pk),
        count=count,
        no_progress=True,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def new_content_version():
    """What publishing does: the response cache cannot answer the next request."""
    ContentVersion.objects.update_or_create(
        pk=ContentVersion.SINGLETON_ID, defaults={"changed_at": timezone.now()}
    )


def uncached_queries(client, url, **headers):
    """Queries of a request the response cache cannot answer (a fresh content version)."""
    client.get(url, **headers)  # warms Wagtail's own caches, as on a live site
    new_content_version()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries)
