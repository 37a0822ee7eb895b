"""Where reads go with a read replica (partnerships.reader_database).

The replica here is a second alias on the same PostgreSQL test database (Django's
TEST MIRROR, demosite/settings/test.py), so every decision is visible as the
connection a query ran on; `make fleet` runs the same code against a real
streaming replica. A lagging replica is a REPEATABLE READ snapshot taken before
the newest write; a dead one is a connection the server terminates.
"""

import socket
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnerships import reader_database as replicas
from partnerships.models import ArticlePage, ContentVersion
from partnerships.reader_request import ReaderRequest, current_reader_request
from tests.support.factories import ArticleFactory
from tests.support.processes import run_with_settings

AUTH_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"
LISTING_TABLE = "partnerships_listablepage"

on_postgresql = pytest.mark.skipif(
    "replica" not in settings.DATABASES,
    reason="the stand-in replica is an alias of the PostgreSQL test database",
)
with_replica = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)


@pytest.fixture
def routed(settings):
    """The router, installed as DATABASE_REPLICA_URL installs it (the middleware always is)."""
    assert "partnerships.reader_database.ReaderDatabaseMiddleware" in settings.MIDDLEWARE
    settings.DATABASE_ROUTERS = ["partnerships.reader_database.ReaderDatabaseRouter"]
    replicas.replica_health.forget()
    yield
    replicas.replica_health.forget()


@pytest.fixture
def article(topic, routed):
    article = ArticleFactory(parent=topic, title="Read from the replica")
    bump_content_version()
    return article


def bump_content_version():
    ContentVersion.objects.update_or_create(
        pk=ContentVersion.SINGLETON_ID, defaults={"changed_at": timezone.now()}
    )


@contextmanager
def queries_by_database():
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        yield SimpleNamespace(primary=primary, replica=replica)


def ran(captured, table):
    return any(table in query["sql"] for query in captured.captured_queries)


@on_postgresql
@with_replica
def test_an_anonymous_reader_is_served_from_the_replica(client, topic, article):
    with queries_by_database() as queries:
        response = client.get(topic.url)

    assert response.status_code == 200
    assert "Read from the replica" in response.content.decode()
    assert ran(queries.replica, LISTING_TABLE)
    assert not ran(queries.primary, LISTING_TABLE)


@on_postgresql
@with_replica
def test_the_content_version_is_read_on_the_primary_and_the_listing_on_the_replica(
    client, topic, article
):
    with queries_by_database() as queries:
        response = client.get(f"/api/v2/items/?child_of={topic.pk}")

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Read from the replica"]
    assert ran(queries.primary, "partnerships_contentversion")
    assert ran(queries.replica, LISTING_TABLE)
    assert not ran(queries.primary, LISTING_TABLE)


@on_postgresql
@with_replica
def test_the_router_sends_the_content_version_and_writes_to_the_primary(article):
    router = replicas.ReaderDatabaseRouter()
    token = current_reader_request.set(ReaderRequest(use_replica=True))
    try:
        assert router.db_for_read(ContentVersion) == "default"
        assert router.db_for_read(ArticlePage) == "replica"
        assert router.db_for_write(ArticlePage, instance=article) == "default"
    finally:
        current_reader_request.reset(token)
    assert router.db_for_read(ArticlePage) == "default"  # outside a reader's request
    assert router.allow_migrate("replica", "partnerships") is False


@on_postgresql
@with_replica
def test_a_post_is_served_from_the_primary(client, topic, article):
    with queries_by_database() as queries:
        response = client.post(topic.url, {"anything": "1"})

    assert response.status_code < 500
    assert queries.replica.captured_queries == []
    assert ran(queries.primary, "wagtailcore_page")


@on_postgresql
@with_replica
def test_the_admin_is_served_from_the_primary(admin_client, client, topic, article):
    with queries_by_database() as queries:
        explorer = admin_client.get(f"/admin/pages/{topic.pk}/")
        login_page = client.get("/admin/login/")

    assert explorer.status_code == 200
    assert "Read from the replica" in explorer.content.decode()
    assert login_page.status_code == 200
    assert queries.replica.captured_queries == []


@on_postgresql
@with_replica
def test_a_signed_in_reader_is_served_from_the_primary(client, django_user_model, topic, article):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    with queries_by_database() as queries:
        response = client.get(topic.url)

    assert response.status_code == 200
    assert "Read from the replica" in response.content.decode()
    assert queries.replica.captured_queries == []
    assert ran(queries.primary, LISTING_TABLE)


@on_postgresql
@with_replica
def test_code_outside_a_request_reads_from_the_primary(article):
    with queries_by_database() as queries:
        assert ArticlePage.objects.filter(title="Read from the replica").exists()

    assert queries.replica.captured_queries == []


@on_postgresql
@with_replica
def test_a_replica_behind_the_primary_is_not_read(client, topic, article):
    # What the replica has replayed: a snapshot taken before the next publish.
    with transaction.atomic(using="replica"), connections["replica"].cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT changed_at FROM partnerships_contentversion")
        ArticleFactory(parent=topic, title="Just published", publish_date=timezone.now().date())
        bump_content_version()

        with queries_by_database() as queries:
            response = client.get(topic.url)

    assert "Just published" in response.content.decode()
    assert ran(queries.primary, LISTING_TABLE)
    assert not ran(queries.replica, LISTING_TABLE)


@on_postgresql
@with_replica
def test_a_replica_in_step_with_the_primary_is_read_inside_the_same_snapshot(
    client, topic, article
):
    # The control for the test above: the same snapshot, with nothing published since.
    with transaction.atomic(using="replica"), connections["replica"].cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT changed_at FROM partnerships_contentversion")

        with queries_by_database() as queries:
            response = client.get(topic.url)

    assert "Read from the replica" in response.content.decode()
    assert ran(queries.replica, LISTING_TABLE)


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@on_postgresql
@with_replica
def test_a_replica_that_is_down_is_left_alone_and_reads_fall_back_to_the_primary(
    client, topic, article
):
    replica = connections["replica"]
    port = replica.settings_dict["PORT"]
    replica.close()
    replica.settings_dict["PORT"] = unused_port()  # nothing listens: connection refused
    try:
        first = client.get(topic.url)
        resting_until = replicas.replica_health.down_until
        with CaptureQueriesContext(connections["default"]) as primary:
            second = client.get(f"{topic.url}?kind=news")
    finally:
        replica.settings_dict["PORT"] = port
        replica.close()

    assert first.status_code == second.status_code == 200
    assert "Read from the replica" in first.content.decode()
    assert ran(primary, LISTING_TABLE)
    # Resting: the second request did not try the replica (a new failure would
    # have moved the end of the rest).
    assert replicas.replica_health.is_resting()
    assert replicas.replica_health.down_until == resting_until


@on_postgresql
@with_replica
def test_a_replica_that_dies_mid_request_is_answered_from_the_primary(topic, article):
    terminated = []

    def terminate_the_replica_before_the_listing(execute, sql, params, many, context):
        if LISTING_TABLE in sql and not terminated:
            pid = connections["replica"].connection.info.backend_pid
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
            terminated.append(pid)
        return execute(sql, params, many, context)

    # A real server returns the retried response; the test client would re-raise the
    # first attempt's exception, so it is told not to.
    client = Client(raise_request_exception=False)
    with (
        connections["replica"].execute_wrapper(terminate_the_replica_before_the_listing),
        queries_by_database() as queries,
    ):
        response = client.get(topic.url)

    assert terminated
    assert response.status_code == 200
    assert "Read from the replica" in response.content.decode()
    assert ran(queries.primary, LISTING_TABLE)
    assert replicas.replica_health.is_resting()


def settings_with(env, expression):
    result = run_with_settings(
        f"print({expression})",
        env={"DJANGO_SETTINGS_MODULE": "demosite.settings.dev", **env},
        without={"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DATABASE_REPLICA_URL"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_database_replica_url_adds_the_replica_the_router_and_the_middleware():
    printed = settings_with(
        {
            "DATABASE_URL": "postgres://app@db.internal:5432/site",
            "DATABASE_REPLICA_URL": "postgres://app@replica.internal:5432/site",
        },
        "settings.DATABASES['replica']['HOST'], settings.DATABASES['replica']['OPTIONS'], "
        "settings.DATABASE_ROUTERS, "
        "settings.MIDDLEWARE.index('partnerships.reader_database.ReaderDatabaseMiddleware') "
        f"- settings.MIDDLEWARE.index('{AUTH_MIDDLEWARE}')",
    )

    assert printed == (
        "replica.internal {'connect_timeout': 2, 'server_side_binding': True, "
        "'prepare_threshold': 2} ['partnerships.reader_database.ReaderDatabaseRouter'] 1"
    )


def test_without_database_replica_url_there_is_one_database_no_router_and_the_reader_middleware():
    printed = settings_with(
        {"DATABASE_URL": "postgres://app@db.internal:5432/site"},
        "list(settings.DATABASES), settings.DATABASE_ROUTERS, "
        "'partnerships.reader_database.ReaderDatabaseMiddleware' in settings.MIDDLEWARE",
    )

    assert printed == "['default'] [] True"
