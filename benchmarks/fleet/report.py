"""The run's figures as benchmarks/results/fleet.json and a readable fleet.txt."""

import json
import platform
import time

from .parts import ROOT

RESULTS = ROOT / "benchmarks" / "results"


def lines(report):
    answers, load = report["answers"], report["load"]
    yield f"make fleet, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()}"
    yield (
        f"HAProxy -> 2 gunicorn app servers x {report['workers_per_app_server']} workers "
        "(production settings) -> PostgreSQL primary + streaming replica, shared Redis"
    )
    yield f"API v3: {report['api_v3']}"
    yield ""
    yield "Throughput through HAProxy (closed loop, anonymous readers, HTML + API + feeds):"
    for name, figures in report["throughput"].items():
        latency = figures["latency_ms"]
        yield (
            f"  {name}: {figures['requests_per_second']} req/s ({figures['requests']} in "
            f"{figures['seconds']} s, {figures['clients']} clients), p50 {latency['p50']} ms, "
            f"p95 {latency['p95']} ms, errors {figures['errors']}"
        )
        yield (
            f"    CPU busy {figures['cpu_busy_percent']} %; app servers "
            f"{figures['app_cpu_ms_per_request']} ms CPU per request; CPU seconds by part: "
            + ", ".join(f"{part} {used}" for part, used in figures["cpu_seconds"].items())
        )
    yield ""
    yield f"Load with faults: {load['seconds']} s, {load['readers']} readers, an editor"
    yield f"  answers by status: {answers['statuses']}"
    yield f"  errors: {answers['errors']} {answers['errors_by_status']}"
    outage_503s = answers["clean_503s_during_primary_outage"]
    yield f"  clean 503s during the primary's outage (expected, not errors): {outage_503s}"
    stale = report["stale_reads_of_the_watched_listing"]
    yield (
        f"  stale reads after a confirmed publish/unpublish: {stale['stale']} "
        f"of {stale['reader_answers_checked']} reader answers checked"
    )
    steady = load["steady_transactions_per_second"]
    yield f"  steady-state transactions/s: primary {steady['primary']}, replica {steady['replica']}"
    for error in answers["first_errors_outside_fault_windows"]:
        yield f"  error outside the fault windows: {error}"
    yield ""
    yield "Faults (failed answers inside each window, by status; recovery time):"
    failures = answers["failures_by_fault"]
    for window in load["windows"]:
        extra = ""
        if "out_of_rotation_after_s" in window:
            extra = f", out of rotation after {window['out_of_rotation_after_s']} s"
        if "replica_streaming_again_s" in window:
            extra = f", replica streaming again after {window['replica_streaming_again_s']} s"
        if "afterwards_the_branch_host_gets" in window:
            extra = (
                f"; afterwards the new Site's host gets {window['afterwards_the_branch_host_gets']}"
            )
        yield (
            f"  {window['fault']} (at {window['window'][0]} s): failures "
            f"{failures.get(window['fault'], {})}; recovered in {window['recovered_s']} s "
            f"({window['recovered_means']}){extra}"
        )
    yield ""
    for name in ("publish_visible_on_other_node_s", "unpublish_hidden_on_other_node_s"):
        figures = report[name]
        yield (
            f"{name.replace('_', ' ').replace(' s', '')} (s): n={figures['count']} "
            f"p50 {figures.get('p50')} p95 {figures.get('p95')} max {figures.get('max')}"
        )
    lag = load["lag"]
    heartbeat, replay = lag["heartbeat_visible_on_replica_ms"], lag["postgresql_replay_lag_ms"]
    yield (
        f"replica lag (heartbeat written on the primary until read on the replica, ms): "
        f"n={heartbeat['count']} p50 {heartbeat.get('p50')} p95 {heartbeat.get('p95')} "
        f"max {heartbeat.get('max')}; PostgreSQL replay_lag p50 {replay.get('p50')} "
        f"p95 {replay.get('p95')} ms; samples missed during outages "
        f"{lag['samples_missed_while_a_server_was_down']}"
    )
    lost = report["lost_writes"]
    yield (
        f"editor saves: {report['editor_saves']['confirmed']} confirmed of "
        f"{report['editor_saves']['tried']} tried; lost writes {lost['lost']} "
        "(final state matches the last confirmed save: "
        f"{lost['final_state_matches_last_confirmed_save']})"
    )
    if report["unrecovered_faults"]:
        yield f"UNRECOVERED: {report['unrecovered_faults']}"


def write_report(report):
    text = "\n".join(lines(report))
    summary = report["summary"]
    text += (
        f"\nfleet: {summary['requests']} requests, {summary['errors']} errors, "
        f"{summary['lost_writes']} lost writes\n"
    )
    print(
        text.rstrip("\n").rsplit("\n", 1)[0], flush=True
    )  # the summary line comes last, from main
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "fleet.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (RESULTS / "fleet.txt").write_text(text)
