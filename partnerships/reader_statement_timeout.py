"""A time limit on every statement of an anonymous reader's request (PostgreSQL).

Every statement of an anonymous GET or HEAD request may run for at most
`PARTNERSHIPS["READER_STATEMENT_TIMEOUT"]` milliseconds (5,000 by default; None
turns it off). It is defence in depth: the reader's query parameters are
already bounded (partnerships/params.py), but a query plan gone wrong, a lock
queue or a table that grew past its indexes must cost a reader a 503 after a
few seconds, not tie up an app server's worker and a database connection for
minutes. The admin, writes, management commands and tasks keep the server's own
setting. The timeout is set on a connection when it passes from other work to
readers, and reset when it passes back, so a connection kept open across
requests (CONN_MAX_AGE) costs nothing in between.

`ReaderDatabaseMiddleware` (partnerships/reader_database.py) marks the
requests and calls `limit_open_connections()`; importing it imports this
module, which connects `limit_new_reader_connection` to `connection_created`.
"""

from django.db import DatabaseError, connections
from django.db.backends.signals import connection_created
from django.dispatch import receiver

from .conf import partnerships_setting
from .reader_request import current_reader_request

# PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout.
QUERY_CANCELED = "57014"


def was_cancelled(error):
    """Whether a database error is a statement this time limit cancelled."""
    return getattr(error.__cause__, "sqlstate", None) == QUERY_CANCELED


def reader_statement_timeout():
    return partnerships_setting("READER_STATEMENT_TIMEOUT")


def limit_statements(connection, milliseconds):
    """Set (or, with None, reset) the session's statement_timeout, if it differs."""
    if connection.vendor != "postgresql":
        return
    # Django's CONN_HEALTH_CHECKS, as its own first query of a request would run it.
    connection.close_if_health_check_failed()
    if connection.connection is None:
        return  # unopened: `limit_new_reader_connection` sees to it when it opens
    if getattr(connection, "partnerships_statement_timeout", None) == milliseconds:
        return
    # On the driver's own cursor, as Django's PostgreSQL backend sets a new
    # session's time zone: session settings, not a query of the page (and not
    # counted among a page's queries).
    try:
        with connection.wrap_database_errors, connection.connection.cursor() as cursor:
            if milliseconds is None:
                cursor.execute("RESET statement_timeout")
            else:
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, false)", [f"{milliseconds}"]
                )
    except DatabaseError:
        # The server went away since the connection's last request (a restart, a
        # replica stopped). Close it: the request's first query then connects
        # afresh (limited as it opens) or, on the replica, finds it down and
        # reads from the primary, instead of failing here.
        close_quietly(connection)
        return
    connection.partnerships_statement_timeout = milliseconds


def close_quietly(connection):
    try:
        connection.close()
    except DatabaseError:
        pass


def limit_open_connections(milliseconds):
    for connection in connections.all(initialized_only=True):
        limit_statements(connection, milliseconds)


@receiver(connection_created)
def limit_new_reader_connection(sender, connection, **kwargs):
    """A connection opened in the middle of a reader's request is limited at once."""
    connection.partnerships_statement_timeout = None  # a new session has the server's setting
    if current_reader_request.get() is not None:
        limit_statements(connection, reader_statement_timeout())
