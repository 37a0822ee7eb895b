"""`make fleet`: the plugin as a fleet on one machine, under load, through five faults.

HAProxy in front of two gunicorn app servers (production settings), a PostgreSQL
primary with a streaming replica (Debian's pg_createcluster, pg_basebackup -R),
and a Redis of its own, all on loopback ports 15400-15499 and all stopped at the
end. See `__main__.py` for the run and README.md ("Production") for what it proves.
"""
