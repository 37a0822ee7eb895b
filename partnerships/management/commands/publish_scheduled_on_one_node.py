"""`manage.py publish_scheduled_on_one_node`: Wagtail's publish_scheduled, one node at a time.

With several app servers, each carries the same cron line. Two runs of Wagtail's
`publish_scheduled` at once would both find the same due revisions and publish
each of them twice (two log entries, two notification emails, two CDN purges).
This command first takes a PostgreSQL advisory lock; a run that finds it taken
leaves the work to the node that holds it and exits at once. The lock belongs to
the database session, so a run that crashes or loses its connection releases it.

    * * * * * .venv/bin/python manage.py publish_scheduled_on_one_node --verbosity 0

Why not django-tasks (which Wagtail 8 brings): it has no periodic tasks, and
its bundled backends run a task in the process that enqueues it, so a cron line
on every node would still run the work on every node.

On SQLite (one machine, one cron line) there is nothing to coordinate and it
runs at once. Behind PgBouncer in transaction-pooling mode, point this command
at PostgreSQL directly: a session's advisory lock needs the session.
"""

import zlib
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.translation import gettext as _

# One number for this job across the fleet: derived from its name, so that it is
# unlikely to meet another application's advisory lock on the same database.
LOCK_KEY = zlib.crc32(b"partnerships:publish_scheduled")


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled unless another node is running it."

    def handle(self, *args, **options):
        with advisory_lock(LOCK_KEY) as acquired:
            if not acquired:
                if options["verbosity"]:
                    self.stdout.write(_("publish_scheduled is running on another node."))
                return
            call_command("publish_scheduled", verbosity=options["verbosity"], stdout=self.stdout)
            if options["verbosity"]:
                self.stdout.write(_("publish_scheduled ran on this node."))


@contextmanager
def advisory_lock(key, using=DEFAULT_DB_ALIAS):
    """Yields whether this session holds the lock `key`; never waits for it."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
