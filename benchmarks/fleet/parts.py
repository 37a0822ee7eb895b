"""The fleet's parts, each on a loopback port of its own, each stopped by what started it.

PostgreSQL clusters come from Debian's pg_createcluster (the replica from
pg_basebackup -R), Redis from redis-server, the load balancer from HAProxy and
the app servers from gunicorn. Packages that are missing are installed with apt-get.
"""

import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[2]
PG_VERSION = (
    sorted(os.listdir("/usr/lib/postgresql"), key=int)[-1]
    if Path("/usr/lib/postgresql").exists()
    else None
)
# What the app servers' health check fetches: a static file, served by whitenoise
# before any database or cache is touched. A check that read the database would
# take every server out of rotation during a database outage, and readers would
# get HAProxy's bare 503 instead of the site's own.
HEALTH_PATH = "/static/partnerships/css/partnerships.css"
PROGRAMS = {  # program: the Debian package that brings it
    "haproxy": "haproxy",
    "redis-server": "redis-server",
    "pg_createcluster": "postgresql-common",
    "pg_basebackup": "postgresql-client",
}


def run(*args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)  # noqa: S603
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def install_missing():
    """apt-get install what this machine lacks (a clean Debian may have none of it)."""
    global PG_VERSION
    packages = [package for program, package in PROGRAMS.items() if not shutil.which(program)]
    if PG_VERSION is None:
        packages.append("postgresql")
    if not packages:
        return []
    apt = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        run(*apt, env=environment)
    except RuntimeError:
        run("apt-get", "update", "-qq", env=environment)
        run(*apt, env=environment)
    PG_VERSION = sorted(os.listdir("/usr/lib/postgresql"), key=int)[-1]
    return packages


def wait_until(condition, seconds, step=0.05):
    """The time at which `condition()` first held, or None after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return time.monotonic()
        except Exception:  # noqa: BLE001, S110 - a part that is still starting
            pass
        time.sleep(step)
    return None


class Cluster:
    """A PostgreSQL cluster made by pg_createcluster, in the run's own folder."""

    def __init__(self, role, port, workdir):
        self.name = f"fleet_{role}_{port}"
        self.port = port
        self.data = workdir / role
        self.log = workdir / f"{role}.log"
        self.socket_dir = workdir
        self.conf_dir = Path("/etc/postgresql") / PG_VERSION / self.name

    def create(self, settings):
        self.drop()  # a cluster of this name left by an interrupted run
        run(
            "pg_createcluster", "-q", PG_VERSION, self.name, "-p", str(self.port),
            "-d", str(self.data), "-s", str(self.socket_dir), "-l", str(self.log),
            "--start-conf", "manual", "--", "--auth=trust",
        )  # fmt: skip
        # conf.d, not pg_createcluster -o: -o quotes values its own way.
        lines = [f"{name} = '{value}'" for name, value in settings.items()]
        (self.conf_dir / "conf.d" / "fleet.conf").write_text("\n".join(lines) + "\n")

    def ctl(self, *action):
        run("pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, self.name, *action)

    def start(self):
        self.ctl("start")

    def stop(self):
        self.ctl("stop", "--", "-m", "fast")

    def drop(self):
        if self.conf_dir.exists():
            subprocess.run(  # noqa: S603
                ["/usr/bin/pg_dropcluster", "--stop", PG_VERSION, self.name], capture_output=True
            )

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database="postgres", **kwargs):
        return psycopg.connect(
            self.url(database), autocommit=True, connect_timeout=2,
            application_name="fleet-harness", **kwargs,
        )  # fmt: skip

    def sql(self, query, params=(), database="postgres"):
        with self.connect(database) as connection:
            cursor = connection.execute(query, params)
            return cursor.fetchall() if cursor.description else None


def make_replica(primary, replica, settings):
    """A hot standby streaming from `primary`, as pg_basebackup -R leaves it."""
    replica.create(settings)
    shutil.rmtree(replica.data)
    run(
        "runuser", "-u", "postgres", "--", "pg_basebackup", "-h", "127.0.0.1",
        "-p", str(primary.port), "-U", "postgres", "-D", str(replica.data),
        "-R", "-X", "stream", "-c", "fast",
    )  # fmt: skip
    replica.start()


class Process:
    """A program started in a process group of its own, stopped by that group's id."""

    def __init__(self, name, args, workdir, env=None, cwd=None):
        self.name, self.args, self.env, self.cwd = name, args, env, cwd
        self.log = workdir / f"{name}.log"
        self.process = None

    def start(self):
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, loopback only
                self.args, cwd=self.cwd, env=self.env, stdout=log, stderr=log,
                start_new_session=True,
            )  # fmt: skip

    def signal(self, number):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, number)

    def kill(self):
        """A crash: the master and its workers, at once, mid-request."""
        self.signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if not self.process or self.process.poll() is not None:
            return
        self.signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()

    def log_tail(self, lines=20):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


class Redis(Process):
    def __init__(self, port, workdir):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(workdir)]  # fmt: skip
        super().__init__("redis", args, workdir)

    def start(self):
        super().start()
        if wait_until(self.ping, 10) is None:
            raise RuntimeError(f"redis-server did not start:\n{self.log_tail()}")

    def command(self, *words):
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as connection:
            connection.sendall((" ".join(words) + "\r\n").encode())
            return connection.recv(4096).decode()

    def ping(self):
        return self.command("PING").startswith("+PONG")

    def keys(self):
        return int(self.command("DBSIZE").strip().lstrip(":"))


class AppServer(Process):
    """gunicorn on the production settings."""

    def __init__(self, name, port, workers, env, workdir):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        args = [sys.executable, "-m", "gunicorn", "demosite.wsgi",
                "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
                "--timeout", "30", "--log-level", "warning"]  # fmt: skip
        super().__init__(f"app-{name}", args, workdir, env=env, cwd=ROOT)

    def start(self):
        super().start()
        if wait_until(self.answers, 60, step=0.2) is None:
            raise RuntimeError(f"{self.name} did not start:\n{self.log_tail()}")

    def answers(self):
        return requests.get(self.base + HEALTH_PATH, timeout=2).status_code == 200


class LoadBalancer(Process):
    """HAProxy: health checks, and retries elsewhere of what a dead server did not answer."""

    def __init__(self, port, servers, workdir):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.socket = workdir / "haproxy.sock"
        self.config = workdir / "haproxy.cfg"
        self.config.write_text(haproxy_config(port, servers, self.socket))
        super().__init__("haproxy", ["haproxy", "-f", str(self.config), "-db"], workdir)

    def start(self):
        run("haproxy", "-c", "-q", "-f", str(self.config))
        super().start()
        if wait_until(lambda: set(self.states().values()) == {"UP"}, 30) is None:
            raise RuntimeError(f"HAProxy did not see the app servers up:\n{self.log_tail()}")

    def command(self, text):
        with socket.socket(socket.AF_UNIX) as connection:
            connection.settimeout(2)
            connection.connect(str(self.socket))
            connection.sendall(text.encode() + b"\n")
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def stats(self):
        rows = csv.DictReader(io.StringIO(self.command("show stat").lstrip("# ")))
        return {row["svname"]: row for row in rows if row["pxname"] == "app"}

    def states(self):
        stats = self.stats()
        return {name: row["status"].split()[0] for name, row in stats.items() if len(name) == 1}

    def set_server(self, name, enabled):
        self.command(f"{'enable' if enabled else 'disable'} server app/{name}")


def haproxy_config(port, servers, stats_socket):
    server_lines = "\n".join(
        f"    server {name} 127.0.0.1:{server_port} check" for name, server_port in servers.items()
    )
    return f"""\
global
    maxconn 4000
    stats socket {stats_socket} mode 600 level admin

defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    # A request a dead server never answered goes to another server: connection
    # refused, or the connection closed with nothing sent back (a crash mid-request).
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout

frontend site
    bind 127.0.0.1:{port}
    default_backend app

backend app
    balance roundrobin
    # A write is retried only when it never reached a server: replaying one that
    # did could publish twice.
    http-request disable-l7-retry unless METH_GET
    option httpchk
    http-check send meth GET uri {HEALTH_PATH} ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
{server_lines}
"""
