"""Where the machine's CPU time went during a measurement, part by part, from /proc."""

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def processes():
    """pid -> (parent pid, process group, CPU seconds used so far) of every process."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        fields = stat.rsplit(")", 1)[1].split()
        table[int(entry)] = (
            int(fields[1]),
            int(fields[2]),
            (int(fields[11]) + int(fields[12])) / TICKS,
        )
    return table


def machine_busy_seconds():
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields) - idle) / TICKS, sum(fields) / TICKS


def postmaster_pid(cluster):
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


class CpuMeter:
    """CPU seconds per part between start() and stop(): app servers and Redis and HAProxy
    by process group, PostgreSQL by postmaster and its children, this harness, and the rest."""

    def __init__(self, fleet):
        self.fleet = fleet

    def parts(self, table):
        groups = {
            "app servers": {self.fleet.app_a.process.pid, self.fleet.app_b.process.pid},
            "haproxy": {self.fleet.lb.process.pid},
            "redis": {self.fleet.redis.process.pid},
        }
        postmasters = {postmaster_pid(self.fleet.primary): "postgresql primary",
                       postmaster_pid(self.fleet.replica): "postgresql replica"}  # fmt: skip
        used = dict.fromkeys([*groups, *postmasters.values(), "load generator (this harness)"], 0.0)
        for pid, (parent, group, seconds) in table.items():
            name = next((n for n, pgids in groups.items() if group in pgids), None)
            name = name or postmasters.get(pid) or postmasters.get(parent)
            if pid == os.getpid():
                name = "load generator (this harness)"
            if name:
                used[name] += seconds
        return used

    def start(self):
        self.before = self.parts(processes())
        self.busy_before = machine_busy_seconds()

    def stop(self):
        after = self.parts(processes())
        busy, total = (a - b for a, b in zip(machine_busy_seconds(), self.busy_before, strict=True))
        used = {name: max(0.0, after[name] - self.before.get(name, 0.0)) for name in after}
        used["everything else on the machine"] = max(0.0, busy - sum(used.values()))
        return {
            "cpu_busy_percent": round(100 * busy / total, 1) if total else None,
            "cpu_seconds": {name: round(seconds, 1) for name, seconds in used.items()},
        }
