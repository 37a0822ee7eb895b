"""An anonymous reader's statements are cut off after READER_STATEMENT_TIMEOUT (PostgreSQL).

partnerships.reader_statement_timeout sets the limit on a connection as it
passes to a reader's request and resets it when the connection passes back to
an editor, a write or a management command; the views in
tests/support/database_urls.py ask the session what it is.
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting"),
    pytest.mark.urls("tests.support.database_urls"),
    # Session settings made inside a test's rolled-back transaction would be rolled back too.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def fresh_connection():
    connection.close()  # a session that has seen no other test's requests
    yield
    connection.close()


def session_timeout(client, method="get"):
    response = getattr(client, method)("/api/statement-timeout/")
    assert response.status_code == 200
    return response.json()["statement_timeout"]


def test_an_anonymous_readers_statements_have_the_default_five_second_limit():
    assert session_timeout(Client()) == "5s"


def test_the_limit_follows_the_setting(settings):
    settings.PARTNERSHIPS = {"READER_STATEMENT_TIMEOUT": 1500}

    assert session_timeout(Client()) == "1500ms"


def test_a_limit_of_none_leaves_readers_the_servers_own_setting(settings):
    settings.PARTNERSHIPS = {"READER_STATEMENT_TIMEOUT": None}

    assert session_timeout(Client()) == "0"


def test_a_signed_in_request_after_a_readers_has_the_servers_own_setting():
    editor = Client()
    editor.force_login(get_user_model().objects.create_user("editor", password="x"))

    assert session_timeout(Client()) == "5s"
    assert session_timeout(editor) == "0"
    assert session_timeout(Client()) == "5s"


def test_a_write_after_a_readers_request_has_the_servers_own_setting():
    reader = Client()

    assert session_timeout(reader) == "5s"
    assert session_timeout(reader, method="post") == "0"


def test_a_connection_opened_outside_a_request_has_the_servers_own_setting():
    assert session_timeout(Client()) == "5s"
    connection.close()  # the request's process ends; a management command starts

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("0",)


def test_a_reader_statement_past_the_limit_is_a_503_and_the_next_request_is_served(settings):
    settings.PARTNERSHIPS = {"READER_STATEMENT_TIMEOUT": 200}
    reader = Client(raise_request_exception=False)

    response = reader.get("/api/slow/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {"message": "The service is briefly unavailable; try again shortly."}
    assert session_timeout(reader) == "200ms"


def test_a_reader_statement_within_the_limit_is_answered(settings):
    settings.PARTNERSHIPS = {"READER_STATEMENT_TIMEOUT": 3000}

    assert Client().get("/api/slow/").json() == {"slept": True}


def signed_in_client():
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.create_user("editor", password="x"))
    return client


def terminate_the_session_of(wrapper):
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            pid = wrapper.connection.info.backend_pid
            cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
    finally:
        other.close()


def test_a_readers_connection_the_server_closed_since_an_editors_request_is_replaced():
    """A database restart between two requests: the limit is not set on the dead session."""
    assert session_timeout(signed_in_client()) == "0"

    terminate_the_session_of(connection)

    assert session_timeout(Client(raise_request_exception=False)) == "5s"


@pytest.mark.skipif("replica" not in settings.DATABASES, reason="needs the stand-in replica")
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_a_replica_connection_that_died_between_requests_does_not_fail_the_next_reader():
    """What `make fleet` saw while the replica was stopped: the limit set on a dead session."""
    replica = connections["replica"]
    replica.ensure_connection()  # open from an earlier request, as CONN_MAX_AGE keeps it

    terminate_the_session_of(replica)

    assert session_timeout(Client(raise_request_exception=False)) == "5s"
    assert replica.connection is None  # closed; the next use connects afresh
