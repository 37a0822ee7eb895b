"""The five faults, each while readers and the editor keep going.

Each returns its window (when it began, when the fleet had recovered) and what
it measured; the errors inside each window are counted afterwards from every
recorded answer (see figures.py).
"""

import time

import requests

from .parts import wait_until

REDIS_DOWN_SECONDS = 10
PRIMARY_DOWN_SECONDS = 5
REPLICA_DOWN_SECONDS = 10
BRANCH_HOST = "branch.fleet.test"


def seconds(later, earlier):
    return None if later is None or earlier is None else round(later - earlier, 2)


def serves_the_items_listing(base, topic_id):
    def check():
        response = requests.get(f"{base}/api/v2/items/?child_of={topic_id}", timeout=5)
        return response.status_code == 200

    return check


def kill_an_app_server(fleet):
    """(a) Server B crashes (SIGKILL, mid-request); HAProxy routes around it; B restarts."""
    fleet.editor.pause()  # its visibility checks poll B directly
    began = time.monotonic()
    fleet.app_b.kill()
    taken_out = wait_until(lambda: fleet.lb.states()["b"] == "DOWN", 30)
    time.sleep(3)  # A alone carries the readers
    restarted = time.monotonic()
    fleet.app_b.start()
    back = wait_until(lambda: fleet.lb.states()["b"] == "UP", 60)
    fleet.editor.resume()
    return {
        "fault": "kill app server B (SIGKILL), restart it",
        "window": (began, (back or time.monotonic()) + 1),
        "out_of_rotation_after_s": seconds(taken_out, began),
        "recovered_s": seconds(back, restarted),
        "recovered_means": "restarted B back in HAProxy's rotation (2 health checks)",
    }


def stop_redis(fleet):
    """(b) The shared cache goes away for 10 s: a slow day, not an outage."""
    began = time.monotonic()
    fleet.redis.stop()
    time.sleep(REDIS_DOWN_SECONDS)
    restarted = time.monotonic()
    fleet.redis.start()
    caching = wait_until(lambda: fleet.redis.keys() > 0, 30)
    return {
        "fault": f"stop Redis for {REDIS_DOWN_SECONDS} s",
        "window": (began, (caching or time.monotonic()) + 2),
        "recovered_s": seconds(caching, restarted),
        "recovered_means": "the app servers writing to the restarted Redis again",
    }


def app_connections(cluster):
    rows = cluster.sql(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = 'fleet' "
        "AND backend_type = 'client backend' AND application_name <> 'fleet-harness'"
    )
    return rows[0][0]


def stop_the_replica(fleet):
    """(c) The replica stops: reads fall back to the primary, then return to the replica."""
    began = time.monotonic()
    fleet.replica.stop()
    time.sleep(REPLICA_DOWN_SECONDS)
    restarted = time.monotonic()
    fleet.replica.start()
    reading_again = wait_until(lambda: app_connections(fleet.replica) > 0, 60)
    return {
        "fault": f"stop the replica for {REPLICA_DOWN_SECONDS} s",
        "window": (began, (reading_again or time.monotonic()) + 2),
        "recovered_s": seconds(reading_again, restarted),
        "recovered_means": "app servers reading from the restarted replica again",
    }


def stop_the_primary(fleet):
    """(d) The primary stops for 5 s: clean 503s only, and recovery without restarting anything."""
    began = time.monotonic()
    fleet.primary.stop()
    time.sleep(PRIMARY_DOWN_SECONDS)
    restarted = time.monotonic()
    fleet.primary.start()
    serving = wait_until(serves_the_items_listing(fleet.lb.base, fleet.topic_id), 60)
    streaming = wait_until(
        lambda: fleet.primary.sql("SELECT count(*) FROM pg_stat_replication")[0][0] > 0, 60
    )
    return {
        "fault": f"stop the primary for {PRIMARY_DOWN_SECONDS} s",
        "window": (began, (serving or time.monotonic()) + 2),
        "clean_503_expected": True,
        "recovered_s": seconds(serving, restarted),
        "recovered_means": "the items listing answered 200 through HAProxy",
        "replica_streaming_again_s": seconds(streaming, restarted),
    }


def create_a_site(fleet):
    """(e) A Site created through A's admin is served by B."""
    began = time.monotonic()
    saved = fleet.admin_a.submit(
        "/admin/sites/new/",
        {"hostname": BRANCH_HOST, "port": "80", "site_name": "Branch library",
         "root_page": str(fleet.topic_id)},
        whole_form_of="hostname",
    )  # fmt: skip
    created = time.monotonic()

    def served_by_b():
        response = fleet.tally.get(
            requests, "site-check", fleet.app_b.base + "/", headers={"Host": BRANCH_HOST}
        )
        return response is not None and "template-topic" in response.text

    served = wait_until(served_by_b, 30, step=0.05) if saved else None
    return {
        "fault": "create a Site through A's admin, read it through B",
        "window": (began, (served or time.monotonic()) + 1),
        "saved": saved,
        "recovered_s": seconds(served, created),
        "recovered_means": "B serving the new Site's root page",
        "afterwards_the_branch_host_gets": {
            name: served_template(base)
            for name, base in (
                ("A", fleet.app_a.base),
                ("B", fleet.app_b.base),
                ("HAProxy", fleet.lb.base),
            )
        },
    }


def served_template(base):
    """What a request for the new Site's host gets: its root (the topic), or the default home."""
    response = requests.get(base + "/", headers={"Host": BRANCH_HOST}, timeout=10)
    for page in ("template-topic", "template-home"):
        if page in response.text:
            return f"{response.status_code} {page}"
    return str(response.status_code)


FAULTS = {
    "a": kill_an_app_server,
    "b": stop_redis,
    "c": stop_the_replica,
    "d": stop_the_primary,
    "e": create_a_site,
}


def chosen(letters):
    """All five by default; FLEET_FAULTS=ce runs (c) and (e) only, while developing."""
    return [FAULTS[letter] for letter in letters if letter in FAULTS]
