"""The database as anonymous readers use it: a read replica when there is one, and a time limit.

**Statement timeout.** On PostgreSQL, every statement of an anonymous GET or
HEAD request may run for at most `PARTNERSHIPS["READER_STATEMENT_TIMEOUT"]`
milliseconds (5,000 by default; None turns it off). It is defence in depth: the
reader's query parameters are already bounded (partnerships/params.py), but a
query plan gone wrong, a lock queue or a table that grew past its indexes must
cost a reader a 503 after a few seconds, not tie up an app server's worker
and a database connection for minutes. The admin, writes, management commands
and tasks keep the server's own setting. The timeout is set on a connection
when it passes from other work to readers, and reset when it passes back, so a
connection kept open across requests (CONN_MAX_AGE) costs nothing in between.

**Read replica.** Anonymous readers are served from a PostgreSQL read replica;
everyone else from the primary.

A site that outgrows one database server adds a streaming replica and lets it
answer the reads that are most of its traffic: anonymous GET and HEAD requests.
Everything else stays on the primary ("default"): writes, the admin, signed-in
readers (who may have just saved something and expect to see it), and a few
rows whose readers must see the newest write (`PRIMARY_ONLY_MODELS`).

Two rules keep a replica's lag from showing a reader stale content:

- **The content version is read on the primary.** Every HTTP validator (ETag,
  Last-Modified) and every key of the shared response cache derives from
  `ContentVersion`, so a publish changes them at once on every app server.
- **The replica serves a request only once it has replayed that version.** At
  the first read a request would send to the replica, the router compares the
  content version on both servers (two primary-key reads). While the replica
  has not replayed the newest change, the request reads from the primary, so a
  body rendered from a lagging replica can never be cached, or validated with
  304, under the new version's ETag. That comparison is also the replica's
  health check.

When the replica is down, its connection fails fast (a short connect timeout in
the settings) and the replica is left alone for `DOWN_SECONDS`; reads go to the
primary meanwhile. When it dies in the middle of a request, the middleware runs
that request again on the primary: a GET or HEAD is safe to repeat.

Settings (demosite/settings/base.py; the replica only when DATABASE_REPLICA_URL is set):

    # in MIDDLEWARE, right after AuthenticationMiddleware:
    "partnerships.reader_database.ReaderDatabaseMiddleware"
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
    DATABASE_ROUTERS = ["partnerships.reader_database.ReaderDatabaseRouter"]
"""

import contextvars
import dataclasses
import logging
import time
from functools import cached_property, partial

from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InterfaceError,
    OperationalError,
    connections,
)
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse

from .conf import partnerships_setting

logger = logging.getLogger(__name__)

REPLICA = "replica"

# Seconds a failed replica is left alone before a request tries it again: long
# enough that a dead server costs one failed connection per process now and
# then, short enough that reads return to it soon after it is back.
DOWN_SECONDS = 5.0

# Rows read on the primary even for anonymous readers.
PRIMARY_ONLY_MODELS = frozenset(
    {
        # Validators and response-cache keys derive from it (see above).
        "partnerships.contentversion",
        # Read to fill a long-lived cache (Wagtail's site root paths): filled from
        # a lagging replica, a new Site would stay unknown for an hour, not for the
        # replica's lag.
        "wagtailcore.site",
        # A session is written by the primary and read back on the next request.
        "sessions.session",
        # A headless preview is read seconds after the editor saved the draft.
        "wagtail_headless_preview.pagepreview",
    }
)

SAFE_METHODS = ("GET", "HEAD")
DATABASE_FAILURES = (OperationalError, InterfaceError)


@dataclasses.dataclass
class ReaderRequest:
    """What this request has learnt about the replica."""

    use_replica: bool | None = None  # decided at the first read that could go there
    replica_failed: bool = False  # a query on the replica failed mid-request


# Set only while an anonymous safe-method request is being answered; the router
# sends nothing to the replica outside it (management commands, tasks, shells).
_reader_request = contextvars.ContextVar("partnerships_reader_request", default=None)


class ReplicaHealth:
    """The replica's state as this process last saw it (one per process, like its connections)."""

    def __init__(self):
        self.down_until = 0.0

    def is_resting(self):
        return time.monotonic() < self.down_until

    def mark_down(self, reason):
        if not self.is_resting():
            logger.warning("Read replica unavailable (%s); reading from the primary.", reason)
        self.down_until = time.monotonic() + DOWN_SECONDS
        try:
            connections[REPLICA].close()  # broken; the next attempt connects afresh
        except DatabaseError:
            pass

    def forget(self):
        self.down_until = 0.0


replica_health = ReplicaHealth()


def replica_has_current_content():
    """True when the replica answers and has replayed the primary's newest content version.

    Equality, not "at least as new": versions are timestamps from the app
    servers' clocks, which may differ a little; the row the replica holds either
    is the primary's row or is not.
    """
    if replica_health.is_resting():
        return False
    # Imported here: settings name this module before Django has loaded the apps.
    from .models.content_version import ContentVersion

    on_primary = ContentVersion.recorded()  # routed to the primary (PRIMARY_ONLY_MODELS)
    try:
        on_replica = ContentVersion.recorded(using=REPLICA)
    except DATABASE_FAILURES as error:
        replica_health.mark_down(type(error).__name__)
        return False
    return on_replica == on_primary


class ReaderDatabaseRouter:
    """Reads of an anonymous reader's request to the replica, when it is up to date."""

    def db_for_read(self, model, **hints):
        if model._meta.label_lower in PRIMARY_ONLY_MODELS:
            return DEFAULT_DB_ALIAS
        request = _reader_request.get()
        if request is None:
            return DEFAULT_DB_ALIAS
        if request.use_replica is None:
            request.use_replica = replica_has_current_content()
        return REPLICA if request.use_replica else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        # Explicit: an object read from the replica is saved to the primary.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same rows on both servers

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # the replica follows the primary's schema by replication


class ReaderDatabaseMiddleware:
    """Marks anonymous GET and HEAD requests as readers': time-limited, readable from the replica.

    Place it after AuthenticationMiddleware: whether the reader is signed in is
    known only there (reading the session, on the primary).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_reader_request(request):
            limit_open_connections(None)
            return self.get_response(request)
        reader = ReaderRequest()
        token = _reader_request.set(reader)
        limit_open_connections(reader_statement_timeout())
        try:
            if REPLICA in connections:
                with connections[REPLICA].execute_wrapper(partial(note_replica_failure, reader)):
                    response = self.get_response(request)
            else:
                response = self.get_response(request)
        finally:
            _reader_request.reset(token)
        if reader.replica_failed:
            # The replica went away between the check and a later query; the
            # response is the 503 the failure produced. Answer from the primary.
            replica_health.mark_down("failed mid-request")
            response = self.get_response(request)
        return response

    def is_reader_request(self, request):
        if request.method not in SAFE_METHODS or request.path.startswith(self.admin_paths):
            return False
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated

    @cached_property
    def admin_paths(self):
        """Wagtail's and Django's admin, wherever the host site mounts them."""
        paths = []
        for name in ("wagtailadmin_home", "admin:index"):
            try:
                paths.append(reverse(name))
            except NoReverseMatch:
                pass
        return tuple(paths)


def note_replica_failure(reader, execute, sql, params, many, context):
    """An execute wrapper on the replica's connection, for the length of one request."""
    try:
        return execute(sql, params, many, context)
    except DATABASE_FAILURES as error:
        # A failure of the check itself is handled there (use_replica is still None);
        # a statement cancelled by the reader's time limit is the query's fault,
        # not the replica's, and is not run again on the primary.
        if reader.use_replica and not was_cancelled(error):
            reader.replica_failed = True
        raise


# PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout.
QUERY_CANCELED = "57014"


def was_cancelled(error):
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
    if _reader_request.get() is not None:
        limit_statements(connection, reader_statement_timeout())
