"""The production settings pass Django's deployment checks and fail safe."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from demosite.views import server_error

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "demosite.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "partnerships.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://partnerships.example.org",
}


def manage(*args, env=None):
    # The test run's own variables (settings module, async-unsafe for Playwright) stay out.
    ignored = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in ignored}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


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
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.template import engines; "
        "print(settings.MIDDLEWARE[:3]); "
        "print(settings.STORAGES['staticfiles']['BACKEND']); "
        "print([type(l).__name__ for l in engines['django'].engine.template_loaders]); "
        "print(settings.DATABASES['default']['CONN_HEALTH_CHECKS'], settings.X_FRAME_OPTIONS)"
    )
    environment = {**os.environ, **PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
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
