"""The production settings pass Django's deployment checks and fail safe."""

import subprocess

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from demosite.views import server_error
from tests.support.processes import run_python, run_with_settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "demosite.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "partnerships.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://partnerships.example.org",
}


def manage(*args, env=None):
    # The test run's own variables (settings module, async-unsafe for Playwright) stay out.
    ignored = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return run_python("manage.py", *args, env=env, without=ignored)


def test_deploy_check_reports_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    env[missing] = ""

    result = manage("check", env=env)

    assert result.returncode != 0
    assert f"Set {missing}" in result.stderr or f"Set the {missing}" in result.stderr


def test_production_serves_hashed_static_files_with_whitenoise_and_caches_templates():
    result = run_with_settings(
        "from django.template import engines; "
        "print(settings.MIDDLEWARE[:3]); "
        "print(settings.STORAGES['staticfiles']['BACKEND']); "
        "print([type(l).__name__ for l in engines['django'].engine.template_loaders]); "
        "print(settings.DATABASES['default']['CONN_HEALTH_CHECKS'], settings.X_FRAME_OPTIONS)",
        env=PRODUCTION_ENV,
    )
    middleware, storage, loaders, connections = result.stdout.strip().splitlines()

    assert "whitenoise.middleware.WhiteNoiseMiddleware" in middleware
    assert middleware.index("SecurityMiddleware") < middleware.index("WhiteNoise")
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert loaders == "['Loader']" or "cached" in loaders.lower()
    assert connections == "True DENY"


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/partnerships-collaboration/", "text/html"), ("/api/v2/items/", "application/json")],
)
def test_a_database_outage_is_a_clean_503(path, content_type):
    request = RequestFactory().get(path)
    try:
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    except OperationalError:
        response = server_error(request)  # Django calls the handler the same way

    assert response.status_code == 503
    assert response["Content-Type"].startswith(content_type)
    assert response["Retry-After"] == "30"
    assert b"Traceback" not in response.content and b"127.0.0.1" not in response.content


def test_other_errors_are_a_plain_500_page():
    request = RequestFactory().get("/")
    try:
        raise RuntimeError("bug")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500 and b"Something went wrong" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("status", [400, 403, 404])
def test_error_pages_are_our_own(status, client):
    from django.template.loader import get_template

    assert get_template(f"{status}.html")
    if status == 404:
        assert b"Page not found" in client.get("/no-such-page/").content


def test_system_checks_pass_on_the_configured_database():
    """pytest does not run Django's system checks; `migrate` and `runserver` do."""
    result = manage(
        "check", "--fail-level", "WARNING", env={"DJANGO_SETTINGS_MODULE": "demosite.settings.dev"}
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of the test's own, on a free port; stopped by PID, restartable."""
    import shutil
    import socket
    import time

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    class OwnRedis:
        url = f"redis://127.0.0.1:{port}/0"
        process = None

        def start(self):
            self.process = subprocess.Popen(
                [
                    binary,
                    "--port",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    str(tmp_path),
                ],
                stdout=subprocess.DEVNULL,
            )
            for _ in range(100):
                with socket.socket() as attempt:
                    if attempt.connect_ex(("127.0.0.1", port)) == 0:
                        return
                time.sleep(0.05)
            raise RuntimeError("redis-server did not start")

        def stop(self):
            self.process.kill()
            self.process.wait()

    redis = OwnRedis()
    redis.start()
    yield redis
    if redis.process.poll() is None:
        redis.stop()


def entries_in(redis):
    import redis as redis_client

    return redis_client.Redis.from_url(redis.url).dbsize()


@pytest.mark.django_db
def test_readers_and_editors_carry_on_while_redis_is_down(client, settings, own_redis, topic):
    from django.contrib.auth.models import User

    from demosite.settings.base import redis_cache
    from tests.support.admin_forms import edit_url, form_values
    from tests.support.factories import ArticleFactory

    settings.CACHES = {"default": redis_cache(own_redis.url)}  # as REDIS_URL sets it
    article = ArticleFactory(parent=topic, title="Before the outage")
    readers = [
        "/api/v2/items/",
        "/api/v3/items/",
        topic.url,
        "/feed.rss",
        f"/api/v2/pages/{topic.pk}/",
        f"/api/v3/pages/{topic.pk}/",
        article.url,
    ]
    for url in readers:
        assert client.get(url, HTTP_ACCEPT="application/json").status_code == 200
    assert entries_in(own_redis) > 0

    own_redis.stop()
    for url in readers:
        assert client.get(url, HTTP_ACCEPT="application/json").status_code == 200, url
    editor = User.objects.create_superuser("editor", password="x")
    client.force_login(editor)
    values = form_values(client.get(edit_url(article)))
    values["title"] = "Saved while Redis was down"
    response = client.post(edit_url(article), values)
    assert response.status_code == 302, response.content[:500]
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().title == "Saved while Redis was down"
    client.logout()

    own_redis.start()  # empty, as a restarted Redis without persistence is
    for url in readers:
        assert client.get(url, HTTP_ACCEPT="application/json").status_code == 200
    assert entries_in(own_redis) > 0  # caching resumed, with no restart of the app
