"""What the run measured: replica lag, throughput, errors by window, stale reads, lost writes."""

import statistics
import threading
import time
from collections import Counter

import psycopg

from .traffic import UNKNOWN, Tally, start_readers


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def spread(values, unit_scale=1.0, digits=3):
    values = [v * unit_scale for v in values if v is not None]
    if not values:
        return {"count": 0}
    return {
        "count": len(values),
        "p50": round(statistics.median(values), digits),
        "p95": round(percentile(values, 0.95), digits),
        "max": round(max(values), digits),
    }


class LagSampler(threading.Thread):
    """Replica lag as a reader sees it: a heartbeat written on the primary, timed until the
    replica shows it. Also PostgreSQL's own replay_lag (pg_stat_replication)."""

    def __init__(self, primary, replica, every=0.5):
        super().__init__(daemon=True)
        self.primary, self.replica, self.every = primary, replica, every
        self.stop = threading.Event()
        self.lags, self.replay_lags, self.missed = [], [], 0

    def run(self):
        beat, connections = 0, {}
        while not self.stop.wait(self.every):
            beat += 1
            try:
                self.sample(beat, connections)
            except psycopg.Error:
                self.missed += 1  # a server is down (faults c and d): connect afresh
                for connection in connections.values():
                    connection.close()
                connections.clear()

    def sample(self, beat, connections):
        """One heartbeat; connections are kept, so the lag does not include connecting."""
        if not connections:
            connections["primary"] = self.primary.connect("fleet_heartbeat")
            connections["replica"] = self.replica.connect("fleet_heartbeat")
        primary, replica = connections["primary"], connections["replica"]
        primary.execute("UPDATE heartbeat SET beat = %s", [beat])
        written = time.monotonic()
        while time.monotonic() - written < 10:
            if replica.execute("SELECT beat FROM heartbeat").fetchone()[0] >= beat:
                self.lags.append(time.monotonic() - written)
                break
            time.sleep(0.001)
        else:
            self.missed += 1
        replay = primary.execute(
            "SELECT extract(epoch FROM replay_lag) FROM pg_stat_replication"
        ).fetchone()
        if replay and replay[0] is not None:
            self.replay_lags.append(float(replay[0]))

    def figures(self):
        return {
            "heartbeat_visible_on_replica_ms": spread(self.lags, 1000, 1),
            "postgresql_replay_lag_ms": spread(self.replay_lags, 1000, 1),
            "samples_missed_while_a_server_was_down": self.missed,
        }


def throughput(base, urls, watched, article_id, clients, seconds, meter=None):
    """Closed-loop readers for `seconds`: requests per second, latency, errors, CPU by part."""
    tally, stop = Tally(), threading.Event()
    if meter:
        meter.start()
    started = time.monotonic()
    threads = start_readers(
        clients, base, urls, watched, article_id, stop, tally, conditional_every=10**9
    )
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    answers = tally.answers
    result = {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(answers),
        "requests_per_second": round(len(answers) / elapsed, 1),
        "latency_ms": spread([a.answered - a.asked for a in answers], 1000, 1),
        "errors": sum(1 for a in answers if failed(a)),
    }
    if meter:
        result.update(meter.stop())
        used = result["cpu_seconds"]
        result["app_cpu_ms_per_request"] = round(
            1000 * used["app servers"] / max(1, len(answers)), 2
        )
        result["cores_used_by_app_servers"] = round(used["app servers"] / elapsed, 2)
        result["cores_used_by_others_on_the_machine"] = round(
            used["everything else on the machine"] / elapsed, 2
        )
    return result, answers


def summarise_rounds(rounds):
    """Medians over the rounds of one configuration, and each round's own figures."""
    keys = ("requests_per_second", "app_cpu_ms_per_request", "cores_used_by_app_servers",
            "cores_used_by_others_on_the_machine", "cpu_busy_percent")  # fmt: skip
    return {
        **{key: round(statistics.median(r[key] for r in rounds), 2) for key in keys},
        "p50_ms": round(statistics.median(r["latency_ms"]["p50"] for r in rounds), 1),
        "errors": sum(r["errors"] for r in rounds),
        "rounds": [{key: r[key] for key in keys} | {"requests": r["requests"]} for r in rounds],
    }


def failed(answer):
    return answer.status == "connection error" or answer.status >= 500


def in_window(answer, window):
    """The request was in flight at some moment of the fault's window."""
    began, ended = window["window"]
    return answer.asked <= ended and answer.answered >= began


def kind_of(who):
    return who.rsplit("-", 1)[0] if who.startswith("reader-") else who


def judge(answers, windows, load_began):
    """Errors by status, and which of them each fault's window holds.

    A clean 503 (the site's own page, with Retry-After) while the primary is
    out is what that fault should give; every other failure is an error.
    """
    statuses = Counter(str(a.status) for a in answers)
    errors, expected_503s, by_window = [], 0, {}
    for answer in answers:
        if not failed(answer):
            continue
        window = next((w for w in windows if in_window(answer, w)), None)
        if window is not None:
            counts = by_window.setdefault(window["fault"], Counter())
            counts[f"{kind_of(answer.who)} {answer.status}"] += 1
            if window.get("clean_503_expected") and answer.clean_503:
                expected_503s += 1
                continue
        errors.append(answer)
    outside = [a for a in errors if not any(in_window(a, w) for w in windows)]
    return {
        "statuses": dict(sorted(statuses.items())),
        "errors": len(errors),
        "errors_by_status": dict(Counter(str(a.status) for a in errors)),
        "errors_outside_fault_windows": len(outside),
        "first_errors_outside_fault_windows": [
            {"at_s": round(a.asked - load_began, 1), "who": a.who, "url": a.url, "status": a.status}
            for a in outside[:10]
        ],
        "clean_503s_during_primary_outage": expected_503s,
        "failures_by_fault": {name: dict(c) for name, c in by_window.items()},
    }


def stale_reads(answers, actions, watched_url):
    """Reader answers about the watched article that contradict a publish already confirmed.

    An answer asked after action k succeeded, and answered before the next
    action began, can only show action k's state; a 304 counts as the body
    the reader held.
    """
    settled = []
    for k, action in enumerate(actions):
        if action.succeeded is None:
            continue
        later = [a.started for a in actions[k + 1 :]]
        settled.append((action.succeeded, later[0] if later else float("inf"), action.title))
    checked = stale = 0
    for answer in answers:
        if answer.url != watched_url or answer.seen is UNKNOWN:
            continue
        for since, until, title in settled:
            if since <= answer.asked and answer.answered < until:
                checked += 1
                stale += answer.seen != title
                break
    return {"reader_answers_checked": checked, "stale": stale}


def lost_writes(primary, actions, article_id, site_saved, branch_host):
    """Saves the admin confirmed (a redirect) that the primary does not hold afterwards."""
    published = [a.title for a in actions if a.kind == "publish" and a.succeeded]
    unpublished = sum(1 for a in actions if a.kind == "unpublish" and a.succeeded)
    missing = []
    for title in published:
        found = primary.sql(
            "SELECT count(*) FROM wagtailcore_revision WHERE object_id = %s "
            "AND content->>'title' = %s",
            [str(article_id), title],
            database="fleet",
        )[0][0]
        if not found:
            missing.append(title)
    logged = primary.sql(
        "SELECT count(*) FROM wagtailcore_pagelogentry WHERE page_id = %s "
        "AND action = 'wagtail.unpublish'",
        [article_id],
        database="fleet",
    )[0][0]
    lost = len(missing) + max(0, unpublished - logged)
    last = next((a for a in reversed(actions) if a.succeeded), None)
    live, title = primary.sql(
        "SELECT live, title FROM wagtailcore_page WHERE id = %s", [article_id], database="fleet"
    )[0]
    final_ok = last is None or (live if last.kind == "publish" else not live)
    final_ok = final_ok and (last is None or last.kind != "publish" or title == last.title)
    lost += not final_ok
    if site_saved:
        lost += not primary.sql(
            "SELECT count(*) FROM wagtailcore_site WHERE hostname = %s",
            [branch_host],
            database="fleet",
        )[0][0]
    return {
        "publishes_confirmed": len(published),
        "unpublishes_confirmed": unpublished,
        "publishes_missing": missing,
        "unpublish_log_entries": logged,
        "final_state_matches_last_confirmed_save": bool(final_ok),
        "lost": lost,
    }
