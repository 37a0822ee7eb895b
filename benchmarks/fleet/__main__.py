"""`make fleet` (needs root: pg_createcluster, runuser, apt-get for missing parts).

1. Installs what is missing (HAProxy, Redis, PostgreSQL), then builds the fleet:
   a primary and a streaming replica (pg_createcluster, pg_basebackup -R), a
   Redis, two gunicorn app servers on the production settings with
   DATABASE_REPLICA_URL and REDIS_URL, HAProxy in front.
2. Throughput through HAProxy with both app servers, then with one.
3. A bounded load: readers through HAProxy (HTML, the items API, feeds), an
   editor publishing and unpublishing through server A's admin and timing
   until server B shows it, replica lag sampled throughout; five faults in turn.
4. Judges every answer, checks for lost writes, writes
   benchmarks/results/fleet.json and fleet.txt, and ends with
   `fleet: <N> requests, <E> errors, <L> lost writes` (exit 1 unless both are 0).
"""

import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

import requests

from . import faults
from .api_client import CREATE_API_CLIENT, V3Writer
from .cpu import CpuMeter
from .figures import LagSampler, summarise_rounds, throughput
from .parts import (
    ROOT,
    AppServer,
    Cluster,
    LoadBalancer,
    Redis,
    install_missing,
    make_replica,
    run,
    wait_until,
)
from .report import assemble, write_report
from .traffic import (
    READ_URLS,
    V3_READ_URLS,
    WATCHED_URL,
    AdminSession,
    Editor,
    Tally,
    start_readers,
)

PORT_BASE = int(os.environ.get("FLEET_PORT_BASE", "15400"))
PORTS = {"primary": 1, "replica": 2, "redis": 3, "balancer": 10, "a": 21, "b": 22}
PORTS = {name: PORT_BASE + offset for name, offset in PORTS.items()}
WORKERS_PER_SERVER = 4
READERS = 6
STEADY_SECONDS = 30
QUIET_SECONDS = 8
THROUGHPUT_CLIENTS = 16
THROUGHPUT_SECONDS = 12
THROUGHPUT_ROUNDS = 3
EDITOR = ("fleet-editor", "fleet-run-password-1")
PRIMARY_SETTINGS = {"listen_addresses": "127.0.0.1", "wal_level": "replica"}
REPLICA_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "hot_standby": "on",
    # Queries on the replica are not cancelled by the primary's cleanup.
    "hot_standby_feedback": "on",
    # Reconnect to a primary that comes back within a second, not five.
    "wal_retrieve_retry_interval": "1s",
}


CREATE_EDITOR = (
    "from django.contrib.auth.models import User; "
    f"User.objects.create_superuser({EDITOR[0]!r}, 'editor@example.org', {EDITOR[1]!r})"
)
FIND_TOPIC = (
    "from partnerships.models import TopicIndexPage; "
    "print(TopicIndexPage.objects.get(slug='partnerships-collaboration').pk)"
)
# The newest article: first in the topic's listing, so every reader sees it.
FIND_ARTICLE = (
    "from partnerships.models import ArticlePage; "
    "print(ArticlePage.objects.order_by('-publish_date', '-pk').first().pk)"
)


def say(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Fleet:
    """Every part of the run, for the faults to act on."""


def app_environment(fleet):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demosite.settings.production",
        "DATABASE_URL": fleet.primary.url("fleet"),
        "DATABASE_REPLICA_URL": fleet.replica.url("fleet"),
        "REDIS_URL": fleet.redis.url,
        "SECRET_KEY": "fleet-run-only-" + "x" * 50,
        "ALLOWED_HOSTS": f"127.0.0.1,{faults.BRANCH_HOST}",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "DATABASE_CONN_MAX_AGE": "60",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{PORTS['balancer']}",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    return run(sys.executable, "manage.py", *args, cwd=ROOT, env=env).stdout


def shell(env, code):
    return manage(env, "shell", "-c", code).strip().splitlines()[-1]


def build(fleet, workdir):
    say(f"PostgreSQL {fleet.primary.port} (primary) and {fleet.replica.port} (replica)")
    fleet.primary.create(PRIMARY_SETTINGS)
    fleet.primary.start()
    fleet.primary.sql("CREATE DATABASE fleet")
    fleet.primary.sql("CREATE DATABASE fleet_heartbeat")
    fleet.primary.sql(
        "CREATE TABLE heartbeat AS SELECT 0::bigint AS beat", database="fleet_heartbeat"
    )
    make_replica(fleet.primary, fleet.replica, REPLICA_SETTINGS)
    say(f"Redis {fleet.redis.port}")
    fleet.redis.start()
    env = app_environment(fleet)
    say("migrate, demo content, static files")
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo", "--site-url", f"http://127.0.0.1:{PORTS['balancer']}")
    manage(env, "collectstatic", "--no-input")
    shell(env, CREATE_EDITOR)
    fleet.topic_id = int(shell(env, FIND_TOPIC))
    fleet.article_id = int(shell(env, FIND_ARTICLE))
    fleet.api_token = shell(env, CREATE_API_CLIENT)
    say(f"app servers A {PORTS['a']} and B {PORTS['b']} ({WORKERS_PER_SERVER} workers each)")
    fleet.app_a = AppServer("a", PORTS["a"], WORKERS_PER_SERVER, env, workdir)
    fleet.app_b = AppServer("b", PORTS["b"], WORKERS_PER_SERVER, env, workdir)
    fleet.app_a.start()
    fleet.app_b.start()
    fleet.lb = LoadBalancer(PORTS["balancer"], {"a": PORTS["a"], "b": PORTS["b"]}, workdir)
    fleet.lb.start()


def reader_urls(fleet):
    urls = [url.format(topic=fleet.topic_id) for url in READ_URLS + V3_READ_URLS]
    return urls, WATCHED_URL.format(topic=fleet.topic_id)


def measure_throughput(fleet, tally):
    """The same readers through HAProxy with both app servers and with B out of rotation,
    in alternating rounds, so that the machine's other load weighs on both alike."""
    urls, watched = reader_urls(fleet)
    args = (fleet.lb.base, urls, watched, fleet.article_id, THROUGHPUT_CLIENTS)
    throughput(*args, 5)  # warm every worker and cache
    meter, rounds = CpuMeter(fleet), {"two app servers": [], "one app server": []}
    for name in [*rounds] * THROUGHPUT_ROUNDS:
        with_b = name == "two app servers"
        fleet.lb.set_server("b", with_b)
        wanted = "UP" if with_b else "MAINT"
        if wait_until(lambda wanted=wanted: fleet.lb.states()["b"] == wanted, 30) is None:
            raise RuntimeError("HAProxy did not take server B in or out of rotation")
        say(f"throughput with {name}, {THROUGHPUT_CLIENTS} clients, {THROUGHPUT_SECONDS} s")
        figures, answers = throughput(*args, THROUGHPUT_SECONDS, meter)
        rounds[name].append(figures)
        tally.answers.extend(answers)
    fleet.lb.set_server("b", True)
    if wait_until(lambda: fleet.lb.states()["b"] == "UP", 30) is None:
        raise RuntimeError("server B did not come back after the single-server rounds")
    return {name: summarise_rounds(figures) for name, figures in rounds.items()}


def transactions(fleet):
    query = "SELECT xact_commit FROM pg_stat_database WHERE datname = 'fleet'"
    return {role: getattr(fleet, role).sql(query)[0][0] for role in ("primary", "replica")}


def faulty_load(fleet, tally):
    urls, watched = reader_urls(fleet)
    stop = threading.Event()
    fleet.tally = tally
    readers = start_readers(READERS, fleet.lb.base, urls, watched, fleet.article_id, stop, tally)
    editor = fleet.editor = Editor(AdminSession(fleet.app_a.base, *EDITOR, tally), fleet.app_b.base,
                    fleet.topic_id, fleet.article_id, tally)  # fmt: skip
    fleet.admin_a = AdminSession(fleet.app_a.base, *EDITOR, tally, who="site-admin")
    editor_thread = threading.Thread(target=editor.run, args=(stop,), daemon=True)
    editor_thread.start()
    v3_writer = V3Writer(fleet.lb.base, fleet.api_token, fleet.topic_id, tally)
    v3_thread = threading.Thread(target=v3_writer.run, args=(stop,), daemon=True)
    v3_thread.start()
    lag = LagSampler(fleet.primary, fleet.replica)
    lag.start()
    began = time.monotonic()
    say(
        f"load: {READERS} readers through HAProxy, an editor on A, a v3 client; "
        f"{STEADY_SECONDS} s steady"
    )
    before = transactions(fleet)
    time.sleep(STEADY_SECONDS)
    after = transactions(fleet)
    windows = []
    for fault in faults.chosen(os.environ.get("FLEET_FAULTS", "abcde")):
        say(fault.__doc__.splitlines()[0])
        windows.append(fault(fleet))
        time.sleep(QUIET_SECONDS)
    stop.set()
    lag.stop.set()
    for thread in [*readers, editor_thread, v3_thread]:
        thread.join(timeout=60)
    lag.join(timeout=15)
    steady = {role: after[role] - before[role] for role in after}
    return {
        "began": began,
        "seconds": round(time.monotonic() - began, 1),
        "readers": READERS,
        "windows": windows,
        "editor": editor,
        "v3_writer": v3_writer,
        "lag": lag.figures(),
        "steady_transactions_per_second": {r: round(n / STEADY_SECONDS) for r, n in steady.items()},
        "watched": watched,
    }


def main():
    if os.geteuid() != 0:
        raise SystemExit("make fleet needs root (pg_createcluster, runuser, apt-get).")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the parts are stopped
    installed = install_missing()
    workdir = Path(tempfile.mkdtemp(prefix="fleet-"))
    shutil.chown(workdir, "postgres", "postgres")
    fleet, tally, summary = Fleet(), Tally(), None
    fleet.primary = Cluster("primary", PORTS["primary"], workdir)
    fleet.replica = Cluster("replica", PORTS["replica"], workdir)
    fleet.redis = Redis(PORTS["redis"], workdir)
    try:
        build(fleet, workdir)
        v3 = requests.get(fleet.lb.base + "/api/v3/openapi.json", timeout=10).status_code
        capacity = measure_throughput(fleet, tally)
        load = faulty_load(fleet, tally)
        setup = {"installed_now": installed, "ports": PORTS, "v3_status": v3,
                 "workers_per_app_server": WORKERS_PER_SERVER}  # fmt: skip
        summary = write_report(assemble(fleet, setup, capacity, load, tally))
    except Exception:
        traceback.print_exc()
    finally:
        for name in ("lb", "app_a", "app_b", "redis"):
            process = getattr(fleet, name, None)
            if process is not None and process.process is not None:
                if summary is None:
                    print(f"--- {process.name} log\n{process.log_tail()}", file=sys.stderr)
                process.stop()
        fleet.replica.drop()
        fleet.primary.drop()
        shutil.rmtree(workdir, ignore_errors=True)
    if summary is None:  # the run broke off: that is an error, and no save was verified
        editor = getattr(fleet, "editor", None)
        unverified = sum(1 for a in editor.actions if a.succeeded) if editor else 0
        summary = {"requests": len(tally.answers), "errors": 1, "lost_writes": unverified}
    print(
        f"fleet: {summary['requests']} requests, {summary['errors']} errors, "
        f"{summary['lost_writes']} lost writes"
    )
    return 0 if summary["errors"] == 0 and summary["lost_writes"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
