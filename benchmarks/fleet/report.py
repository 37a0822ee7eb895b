"""The run's figures as benchmarks/results/fleet.json and a readable fleet.txt."""

import json
import platform
import time

from .faults import BRANCH_HOST
from .figures import judge, lost_writes, spread, stale_reads
from .parts import ROOT

RESULTS = ROOT / "benchmarks" / "results"


def assemble(fleet, setup, capacity, load, tally):
    """Every figure of the run, judged: errors, stale reads, lost writes, recoveries."""
    editor = load.pop("editor")
    actions = editor.actions
    site_saved = any(w.get("saved") for w in load["windows"])
    lost = lost_writes(fleet.primary, actions, fleet.article_id, site_saved, BRANCH_HOST)
    v3_writes = load.pop("v3_writer").lost_writes(fleet.primary)
    verdict = judge(tally.answers, load["windows"], load["began"])
    stale = stale_reads(tally.answers, actions, load.pop("watched"))
    unrecovered = [w["fault"] for w in load["windows"] if w["recovered_s"] is None]
    began = load.pop("began")
    for window in load["windows"]:  # seconds since the load began, for reading
        window["window"] = [round(moment - began, 1) for moment in window["window"]]
    v3 = setup.pop("v3_status")
    errors = verdict["errors"] + stale["stale"] + len(unrecovered)
    return {
        **setup,
        "api_v3": "mounted: its items among the readers' requests, a client writing drafts"
        if v3 < 400
        else f"not mounted ({v3})",
        "throughput": capacity,
        "load": load,
        "answers": verdict,
        "stale_reads_of_the_watched_listing": stale,
        "publish_visible_on_other_node_s": spread(
            [a.visible_on_other_node_after for a in actions if a.kind == "publish"]
        ),
        "unpublish_hidden_on_other_node_s": spread(
            [a.visible_on_other_node_after for a in actions if a.kind == "unpublish"]
        ),
        "editor_saves": {
            "tried": len(actions),
            "confirmed": sum(1 for a in actions if a.succeeded),
        },
        "lost_writes": lost,
        "v3_writes": v3_writes,
        "unrecovered_faults": unrecovered,
        # Errors: failed answers (5xx other than the primary outage's clean 503s,
        # connection errors), stale reads, and faults the fleet did not recover from.
        "summary": {
            "requests": len(tally.answers),
            "errors": errors,
            "lost_writes": lost["lost"] + v3_writes["lost"],
        },
    }


def lines(report):
    answers, load = report["answers"], report["load"]
    yield f"make fleet, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()}"
    yield (
        f"HAProxy -> 2 gunicorn app servers x {report['workers_per_app_server']} workers "
        "(production settings) -> PostgreSQL primary + streaming replica, shared Redis"
    )
    yield f"API v3: {report['api_v3']}"
    yield ""
    yield "Throughput through HAProxy (closed loop, anonymous readers, HTML + API + feeds),"
    yield "alternating rounds, medians (the machine's two cores are shared with other work):"
    for name, figures in report["throughput"].items():
        yield (
            f"  {name}: {figures['requests_per_second']} req/s, p50 {figures['p50_ms']} ms, "
            f"errors {figures['errors']}; app servers {figures['app_cpu_ms_per_request']} ms "
            f"CPU per request, using {figures['cores_used_by_app_servers']} cores; others on "
            f"the machine {figures['cores_used_by_others_on_the_machine']} cores; "
            f"CPU busy {figures['cpu_busy_percent']} %"
        )
        for number, round_ in enumerate(figures["rounds"], 1):
            yield f"    round {number}: {round_}"
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
    v3 = report["v3_writes"]
    yield (
        f"v3 client: {v3['drafts_confirmed']} webinar drafts confirmed of {v3['tried']} tried, "
        f"{v3['submissions_confirmed']} submitted for review; lost writes {v3['lost']}"
    )
    if report["unrecovered_faults"]:
        yield f"UNRECOVERED: {report['unrecovered_faults']}"


def write_report(report):
    """fleet.json and fleet.txt; prints the text but its summary line (main prints that last)."""
    summary = report["summary"]
    text = "\n".join(lines(report))
    print(text, flush=True)
    text += (
        f"\nfleet: {summary['requests']} requests, {summary['errors']} errors, "
        f"{summary['lost_writes']} lost writes\n"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "fleet.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (RESULTS / "fleet.txt").write_text(text)
    return summary
