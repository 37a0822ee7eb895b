"""The anonymous reader's request being answered, as the readers' database sees it.

Its own module because both halves read it: the replica routing
(`reader_database`) and the statement timeout (`reader_statement_timeout`),
which imports nothing of the routing.
"""

import contextvars
import dataclasses


@dataclasses.dataclass
class ReaderRequest:
    """What this request has learnt about the replica."""

    use_replica: bool | None = None  # decided at the first read that could go there
    replica_failed: bool = False  # a query on the replica failed mid-request


# Set only while an anonymous safe-method request is being answered; the router
# sends nothing to the replica outside it (management commands, tasks, shells),
# and connections opened outside it keep the server's statement timeout.
current_reader_request = contextvars.ContextVar("partnerships_reader_request", default=None)
