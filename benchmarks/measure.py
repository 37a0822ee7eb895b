"""Time requests in-process (Django's test Client), interleaved, with query counts."""

import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnerships.models import ContentVersion

JSON = {"HTTP_ACCEPT": "application/json"}


@dataclass
class Case:
    """One request to time; `cached` ones are timed cold (after a change) and warm.

    A `revalidation` sends back the ETag a plain request just received.
    """

    name: str
    url: str
    cached: bool = True
    headers: dict = field(default_factory=lambda: dict(JSON))
    expect_status: int = 200
    revalidation: bool = False


@dataclass
class Samples:
    times_ms: list = field(default_factory=list)
    queries: list = field(default_factory=list)

    def summary(self):
        times = sorted(self.times_ms)
        return {
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[max(0, round(0.95 * len(times)) - 1)], 2),
            "queries": max(self.queries),
            "n": len(times),
        }


def content_changed():
    """What publishing does: a new content version, so no cached response matches.

    Only the plugin's responses go cold; Wagtail's own caches (site root
    paths) stay warm, as they do on a live site between publishes.
    """
    ContentVersion.objects.update_or_create(
        pk=ContentVersion.SINGLETON_ID, defaults={"changed_at": timezone.now()}
    )


def timed_request(client, case):
    headers = dict(case.headers)
    if case.revalidation:
        headers["HTTP_IF_NONE_MATCH"] = client.get(case.url, **headers)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(case.url, **headers)
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != case.expect_status:
        raise AssertionError(
            f"{case.url} answered {response.status_code}, not {case.expect_status}"
        )
    return elapsed, len(queries)


def run_interleaved(cases_by_size, rounds, warmup):
    """Every round requests every case of every size once, cold then warm.

    Interleaving spreads the machine's noise (other processes on two shared
    cores) evenly over every case, so ratios within one run are fair.
    """
    client = Client()
    samples = {}
    for round_number in range(warmup + rounds):
        for size, cases in cases_by_size.items():
            for case in cases:
                for mode in ("cold", "warm") if case.cached else ("cold",):
                    if mode == "cold":
                        content_changed()
                    elapsed, queries = timed_request(client, case)
                    if round_number >= warmup:
                        key = (size, case.name, mode)
                        samples.setdefault(key, Samples())
                        samples[key].times_ms.append(elapsed)
                        samples[key].queries.append(queries)
    return {key: value.summary() for key, value in samples.items()}
