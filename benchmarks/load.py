"""`make load`: a bounded load run against gunicorn on 127.0.0.1.

Starts gunicorn (several workers, the bench settings, Redis as the shared
response cache when REDIS_URL is set), sends a fixed number of requests from a
thread pool, stops after the request count or the time limit, whichever comes
first, then stops gunicorn. Loopback only. Needs the topics `make bench` made.
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def main():
    parser = argparse.ArgumentParser(description="Bounded load run against gunicorn")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--topic-slug", default="bench-100k")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "load.json"))
    args = parser.parse_args()

    server = start_gunicorn(args.port, args.workers)
    try:
        base = f"http://{HOST}:{args.port}"
        wait_until_up(base)
        urls = request_mix(base, args.topic_slug)
        result = hammer(urls, args.requests, args.clients, args.seconds)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    result.update(
        workers=args.workers,
        clients=args.clients,
        urls=urls,
        cache="redis" if os.environ.get("REDIS_URL") else "per-worker memory",
    )
    print(json.dumps(result, indent=2))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    return 1 if result["errors"] else 0


def start_gunicorn(port, workers):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
    return subprocess.Popen(  # noqa: S603 - fixed arguments, loopback only
        [
            sys.executable,
            "-m",
            "gunicorn",
            "demosite.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )


def wait_until_up(base, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            # Workers accept connections before Django has loaded: allow a slow first answer.
            urllib.request.urlopen(f"{base}/api/v2/items/?limit=1", timeout=30)  # noqa: S310
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer within a minute")


def request_mix(base, topic_slug):
    """What polling apps and readers ask for: listings, a deep cursor page, the HTML page."""
    topics = f"{base}/api/v2/pages/?type=partnerships.TopicIndexPage&slug={topic_slug}"
    with urllib.request.urlopen(topics) as r:  # noqa: S310
        topic_id = json.load(r)["items"][0]["id"]
    items = f"{base}/api/v2/items/?child_of={topic_id}&limit=10"
    with urllib.request.urlopen(items) as r:  # noqa: S310
        second_page = json.load(r)["meta"]["next"]
    return [
        items,
        second_page,
        f"{base}/api/v2/pages/{topic_id}/?fields=_,id,title,recent_items",
        f"{base}/{topic_slug}/",
        f"{base}/{topic_slug}/?page=200",
    ]


def hammer(urls, total, clients, seconds):
    deadline = time.monotonic() + seconds

    def one(number):
        if time.monotonic() > deadline:
            return None
        url = urls[number % len(urls)]
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                response.read()
                ok = response.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            ok = False
        return ok, (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        outcomes = [o for o in pool.map(one, range(total)) if o is not None]
    elapsed = time.perf_counter() - started
    times = sorted(ms for _, ms in outcomes)
    return {
        "requests": len(outcomes),
        "errors": sum(1 for ok, _ in outcomes if not ok),
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(outcomes) / elapsed, 1),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(0, round(0.95 * len(times)) - 1)], 1),
    }


if __name__ == "__main__":
    sys.exit(main())
