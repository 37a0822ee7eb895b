"""The database as anonymous readers use it: a read replica when there is one, and a time limit.

The middleware marks anonymous GET and HEAD requests as readers'. The time
limit on their statements (PostgreSQL) is partnerships/reader_statement_timeout.py's;
the replica routing is this module's.

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
from django.urls import NoReverseMatch, reverse

from .reader_request import ReaderRequest, current_reader_request
from .reader_statement_timeout import (
    limit_open_connections,
    reader_statement_timeout,
    was_cancelled,
)

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
        request = current_reader_request.get()
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
        token = current_reader_request.set(reader)
        limit_open_connections(reader_statement_timeout())
        try:
            if REPLICA in connections:
                with connections[REPLICA].execute_wrapper(partial(note_replica_failure, reader)):
                    response = self.get_response(request)
            else:
                response = self.get_response(request)
        finally:
            current_reader_request.reset(token)
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
