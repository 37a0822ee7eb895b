"""`publish_scheduled_on_one_node`: a cron line on every app server, the work done once."""

import datetime
import io
import os
import subprocess
import sys
import time

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from partnerships.management.commands.publish_scheduled_on_one_node import LOCK_KEY
from partnerships.models import ArticlePage
from tests.support.factories import ArticleFactory
from tests.support.paths import REPOSITORY

ROOT = REPOSITORY

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the lock is PostgreSQL's advisory lock"
)


def due_article(topic):
    """A draft whose approved go-live time has passed, as Wagtail's schedule leaves it."""
    moment = timezone.now() - datetime.timedelta(minutes=1)
    article = ArticleFactory(parent=topic, title="Goes live on one node", live=False)
    article.go_live_at = moment
    revision = article.save_revision()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=moment)
    return article


def another_session():
    """A database session of its own, as another node has."""
    return psycopg.connect(**connection.get_connection_params(), autocommit=True)


def published_on_schedule(article):
    return PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count()


def run(**options):
    out = io.StringIO()
    call_command("publish_scheduled_on_one_node", stdout=out, **options)
    return out.getvalue()


@on_postgresql
@pytest.mark.django_db
def test_a_run_while_another_node_holds_the_lock_leaves_the_work_to_it(topic):
    article = due_article(topic)

    with another_session() as other:
        other.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        skipped = run()
        assert not ArticlePage.objects.get(pk=article.pk).live
        other.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
    ran = run()

    assert "running on another node" in skipped
    assert "ran on this node" in ran
    assert ArticlePage.objects.get(pk=article.pk).live
    assert published_on_schedule(article) == 1


@pytest.mark.django_db
def test_a_run_publishes_what_is_due_and_releases_the_lock(topic):
    article = due_article(topic)

    assert "ran on this node" in run()
    assert "ran on this node" in run()  # the lock was released
    assert ArticlePage.objects.get(pk=article.pk).live
    assert published_on_schedule(article) == 1


def start_run():
    params = connection.get_connection_params()
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(
        DJANGO_SETTINGS_MODULE="demosite.settings.test",
        DATABASE_URL=(
            f"postgres://{params['user']}@{params.get('host', '127.0.0.1')}:"
            f"{params.get('port', 5432)}/{params['dbname']}"
        ),
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "publish_scheduled_on_one_node"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, what, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting: {what}")
        time.sleep(0.1)


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_runs_publish_a_due_page_once(topic):
    article = due_article(topic)

    with another_session() as observer, another_session() as blocker:
        # Hold the page's row, so the first run stops inside its publish with the lock held.
        blocker.execute("BEGIN")
        blocker.execute("SELECT 1 FROM wagtailcore_page WHERE id = %s FOR UPDATE", [article.pk])
        first = start_run()

        def first_run_waits_inside_the_lock():
            held = observer.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                "WHERE l.locktype = 'advisory' AND l.objid = %s AND l.granted "
                "AND a.wait_event_type = 'Lock'",
                [LOCK_KEY & 0xFFFFFFFF],
            ).fetchone()[0]
            return held == 1 or first.poll() is not None

        wait_for(first_run_waits_inside_the_lock, "the first run to block on the page")
        assert first.poll() is None, first.communicate()

        second = start_run()
        second_out, second_err = second.communicate(timeout=60)  # returns while the first waits
        assert first.poll() is None
        blocker.execute("ROLLBACK")
        first_out, first_err = first.communicate(timeout=120)

    assert second.returncode == 0, second_err
    assert "running on another node" in second_out
    assert first.returncode == 0, first_err
    assert "ran on this node" in first_out
    assert ArticlePage.objects.get(pk=article.pk).live
    assert published_on_schedule(article) == 1
