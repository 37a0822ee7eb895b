"""Load and fault run: gunicorn on production settings under concurrent readers,
an editor publishing, then a PostgreSQL outage in the middle of it all, then a
Redis outage (the shared cache, REDIS_URL) of ten seconds.

Everything stays on 127.0.0.1 and is bounded in requests and time. The run
uses a throwaway PostgreSQL cluster (port 5433) and a Redis (port 6390) of its
own, so that stopping them disturbs nothing else on the machine; FAULTS_PG_PORT,
FAULTS_APP_PORT and FAULTS_REDIS_PORT move them.

    make faults        # or: .venv/bin/python scripts/load_faults.py
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql") / sorted(os.listdir("/usr/lib/postgresql"))[-1] / "bin"
PG_PORT = int(os.environ.get("FAULTS_PG_PORT", "5433"))
APP_PORT = int(os.environ.get("FAULTS_APP_PORT", "8765"))
REDIS_PORT = int(os.environ.get("FAULTS_REDIS_PORT", "6390"))
BASE = f"http://127.0.0.1:{APP_PORT}"
READERS = 6
READ_SECONDS = 20  # at least; each publish also waits until readers can see it
OUTAGE_SECONDS = 5
REDIS_OUTAGE_SECONDS = 10
MAX_REQUESTS = 20_000
READ_URLS = [
    "/partnerships-collaboration/",
    "/api/v2/items/?child_of={topic}",
    "/api/v2/pages/{topic}/",
    "/api/v2/items/?kind=webinar",
]


def run(*args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


class Cluster:
    """A PostgreSQL cluster in a temporary folder, owned by the postgres user."""

    def __init__(self):
        self.data = Path(tempfile.mkdtemp(prefix="pg-faults-"))
        shutil.chown(self.data, "postgres", "postgres")
        self.log = self.data / "server.log"

    def as_postgres(self, *args):
        return run("runuser", "-u", "postgres", "--", *args)

    def init(self):
        self.as_postgres(
            str(PG_BIN / "initdb"), "-D", str(self.data / "db"), "-A", "trust", "-U", "postgres"
        )

    def start(self):
        self.as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data / "db"),
            "-l",
            str(self.log),
            "-w",
            "-o",
            f"-p {PG_PORT} -k {self.data} -c listen_addresses=127.0.0.1",
            "start",
        )

    def stop(self):
        self.as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data / "db"), "-m", "fast", "-w", "stop"
        )

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.data, ignore_errors=True)


class Redis:
    """A redis-server of its own, without persistence: the shared cache, and nothing else."""

    def __init__(self):
        self.data = Path(tempfile.mkdtemp(prefix="redis-faults-"))
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(REDIS_PORT),
             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(self.data)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=1) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def remove(self):
        self.stop()
        shutil.rmtree(self.data, ignore_errors=True)


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demosite.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "SECRET_KEY": "load-and-faults-run-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "DATABASE_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
    }


def manage(*args):
    return run(sys.executable, "manage.py", *args, cwd=ROOT, env=environment())


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.bad_bodies = 0
        self.requests = 0

    def record(self, response):
        with self.lock:
            self.requests += 1
            self.statuses[response.status_code] += 1
            body = response.text
            if response.status_code >= 500 and (
                response.status_code != 503
                or "Traceback" in body
                or "Briefly unavailable" not in body
                and "briefly unavailable" not in body
            ):
                self.bad_bodies += 1


def reader(urls, stop, tally):
    session = requests.Session()
    i = 0
    while not stop.is_set() and tally.requests < MAX_REQUESTS:
        url = urls[i % len(urls)]
        i += 1
        try:
            tally.record(
                session.get(
                    BASE + url, timeout=10, headers={"Accept": "application/json, text/html"}
                )
            )
        except requests.RequestException:
            with tally.lock:
                tally.statuses["connection error"] += 1
                tally.requests += 1


def publish_title(page_id, title):
    """The editor: publish a new title through Wagtail, as the admin's Publish does."""
    script = (
        "import django; django.setup(); from wagtail.models import Page; "
        f"p = Page.objects.get(pk={page_id}).specific; p.title = {title!r}; "
        "p.save_revision().publish()"
    )
    run(sys.executable, "-c", script, cwd=ROOT, env=environment())


def wait_until_visible(topic_id, title, limit_seconds):
    started = time.monotonic()
    while time.monotonic() - started < limit_seconds:
        data = requests.get(
            f"{BASE}/api/v2/items/?child_of={topic_id}&limit=100", timeout=10
        ).json()
        if any(item["title"] == title for item in data["items"]):
            return time.monotonic() - started
        time.sleep(0.2)
    return None


def admin_session():
    """Log in to the admin as a real editor would (cookies carried by hand: they are Secure)."""
    session = requests.Session()
    proxied = {
        "X-Forwarded-Proto": "https",
        "Referer": f"https://127.0.0.1:{APP_PORT}/admin/login/",
    }
    page = session.get(f"{BASE}/admin/login/", headers=proxied)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    cookies = {"csrftoken": page.cookies["csrftoken"]}
    response = session.post(
        f"{BASE}/admin/login/",
        data={
            "csrfmiddlewaretoken": token,
            "username": "faults",
            "password": "faults-run-password-1",
        },
        headers=proxied,
        cookies=cookies,
        allow_redirects=False,
    )
    cookies["sessionid"] = response.cookies["sessionid"]
    return session, proxied, cookies


def redis_outage(redis, urls):
    """Readers from 2 s before Redis stops until 3 s after it is back; every error counts."""
    tally, stop = Tally(), threading.Event()
    threads = [threading.Thread(target=reader, args=(urls, stop, tally)) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    redis.stop()
    time.sleep(REDIS_OUTAGE_SECONDS)
    redis.start()
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join()
    return {
        "seconds_down": REDIS_OUTAGE_SECONDS,
        "window": "2 s before the stop to 3 s after the restart",
        "requests": tally.requests,
        "statuses": dict(tally.statuses),
        "errors": sum(c for s, c in tally.statuses.items() if s == "connection error" or s >= 500),
    }


def main():
    report = {}
    cluster = Cluster()
    redis = Redis()
    gunicorn = None
    try:
        cluster.init()
        cluster.start()
        redis.start()
        manage("migrate", "--no-input")
        manage("load_demo", "--site-url", BASE)
        manage("collectstatic", "--no-input")
        run(
            sys.executable,
            "-c",
            "import django; django.setup(); from django.contrib.auth.models import User; "
            "User.objects.create_superuser('faults', 'f@example.org', 'faults-run-password-1')",
            cwd=ROOT,
            env=environment(),
        )
        topic_id = int(
            json.loads(
                manage(
                    "shell",
                    "-c",
                    "from partnerships.models import TopicIndexPage; "
                    "print(TopicIndexPage.objects.get(slug='partnerships-collaboration').pk)",
                )
                .stdout.strip()
                .splitlines()[-1]
            )
        )
        article_id = int(
            manage(
                "shell",
                "-c",
                "from partnerships.models import ArticlePage; "
                "print(ArticlePage.objects.order_by('pk').first().pk)",
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "demosite.wsgi",
                "--bind",
                f"127.0.0.1:{APP_PORT}",
                "--workers",
                "4",
                "--timeout",
                "30",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(60):
            try:
                requests.get(BASE + "/", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.5)
        urls = [url.format(topic=topic_id) for url in READ_URLS]

        # Phase 1: readers while an editor publishes.
        tally, stop = Tally(), threading.Event()
        threads = [
            threading.Thread(target=reader, args=(urls, stop, tally)) for _ in range(READERS)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        lags = []
        for n in range(3):
            title = f"Build on Strengths, revision {n}"
            publish_title(article_id, title)
            lags.append(wait_until_visible(topic_id, title, limit_seconds=60))
        time.sleep(max(0, READ_SECONDS - (time.monotonic() - started)))
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        report["load"] = {
            "readers": READERS,
            "seconds": round(elapsed, 1),
            "requests": tally.requests,
            "requests_per_second": round(tally.requests / elapsed, 1),
            "statuses": dict(tally.statuses),
            "errors": sum(
                c for s, c in tally.statuses.items() if s == "connection error" or s >= 500
            ),
            "publish_visible_after_seconds": [
                round(lag, 2) if lag is not None else None for lag in lags
            ],
        }

        # Phase 2: the database goes away mid-load, then comes back.
        session, proxied, cookies = admin_session()
        edit_url = f"{BASE}/admin/pages/{article_id}/edit/"
        edit_page = session.get(edit_url, headers=proxied, cookies=cookies)
        assert edit_page.status_code == 200
        form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', edit_page.text).group(
            1
        )
        tally, stop = Tally(), threading.Event()
        threads = [
            threading.Thread(target=reader, args=(urls, stop, tally)) for _ in range(READERS)
        ]
        for thread in threads:
            thread.start()
        time.sleep(2)
        cluster.stop()
        outage_started = time.monotonic()
        time.sleep(1)
        save = session.post(
            edit_url,
            data={"csrfmiddlewaretoken": form_token, "title": "Typed during the outage"},
            headers={**proxied, "Referer": f"https://127.0.0.1:{APP_PORT}/admin/"},
            cookies=cookies,
            allow_redirects=False,
        )
        time.sleep(max(0, OUTAGE_SECONDS - (time.monotonic() - outage_started)))
        cluster.start()
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join()
        recovered = requests.get(f"{BASE}/api/v2/items/?child_of={topic_id}", timeout=10)
        still_saved = session.get(f"{BASE}/api/v2/pages/{article_id}/", timeout=10).json()["title"]
        report["outage"] = {
            "seconds_down": OUTAGE_SECONDS,
            "requests": tally.requests,
            "statuses": dict(tally.statuses),
            "5xx_other_than_clean_503": tally.bad_bodies,
            "editor_save_during_outage": {
                "status": save.status_code,
                "says": "Briefly unavailable" in save.text,
            },
            "after_restart_status": recovered.status_code,
            "title_saved_before_outage_kept": still_saved,
        }

        # Phase 3: the shared cache goes away for ten seconds, then comes back.
        report["redis_outage"] = redis_outage(redis, urls)
    finally:
        if gunicorn:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        redis.remove()
        cluster.remove()
    print(json.dumps(report, indent=2))
    ok = (
        report["load"]["errors"] == 0
        and all(
            lag is not None and lag <= 60 for lag in report["load"]["publish_visible_after_seconds"]
        )
        and report["outage"]["5xx_other_than_clean_503"] == 0
        and report["outage"]["after_restart_status"] == 200
        and report["outage"]["editor_save_during_outage"]["status"] == 503
        and report["outage"]["title_saved_before_outage_kept"] == "Build on Strengths, revision 2"
        and report["redis_outage"]["errors"] == 0
    )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
