"""`manage.py check` names each mistake in installing the plugin (partnerships/checks.py)."""

import os

import pytest
from django.core import checks
from django.test import override_settings

from demosite.settings.base import MIDDLEWARE as DEMO_MIDDLEWARE
from tests.support.paths import REPOSITORY
from tests.support.processes import run_python

pytestmark = pytest.mark.django_db  # some of Wagtail's own checks read the database

ROUTER = "partnerships.reader_database.ReaderDatabaseRouter"
READER_MIDDLEWARE = "partnerships.reader_database.ReaderDatabaseMiddleware"
AUTH = "django.contrib.auth.middleware.AuthenticationMiddleware"
MIDDLEWARE = [entry for entry in DEMO_MIDDLEWARE if entry != READER_MIDDLEWARE]


def ids_of_problems():
    return sorted(
        message.id for message in checks.run_checks() if message.id.startswith("partnerships.")
    )


def manage_py_check(tmp_path, settings_source):
    """`manage.py check` under the test settings with `settings_source` appended.

    In a process of its own: Wagtail's apps cannot be made ready twice in one.
    """
    (tmp_path / "settings_under_check.py").write_text(
        "from demosite.settings.test import *  # noqa\n" + settings_source
    )
    python_path = os.pathsep.join([str(tmp_path), str(REPOSITORY)])
    environment = {"DJANGO_SETTINGS_MODULE": "settings_under_check", "PYTHONPATH": python_path}
    return run_python("manage.py", "check", env=environment)


def test_the_demo_and_test_settings_pass_every_check():
    assert ids_of_problems() == []


@pytest.mark.parametrize("missing", ["wagtail_modeladmin", "wagtail.contrib.sitemaps"])
def test_a_missing_app_is_named_by_manage_py_check(missing, tmp_path):
    checked = manage_py_check(
        tmp_path, f"INSTALLED_APPS = [app for app in INSTALLED_APPS if app != {missing!r}]\n"
    )
    assert checked.returncode == 1
    assert f"(partnerships.E001) {missing} is not in INSTALLED_APPS." in checked.stderr


def test_the_replica_router_without_its_middleware_is_an_error():
    with override_settings(DATABASE_ROUTERS=[ROUTER], MIDDLEWARE=MIDDLEWARE):
        assert ids_of_problems() == ["partnerships.E002"]


def test_without_the_reader_middleware_unlimited_reader_queries_are_a_warning():
    with override_settings(MIDDLEWARE=MIDDLEWARE):
        assert ids_of_problems() == ["partnerships.W004"]


def test_without_the_reader_middleware_and_with_no_time_limit_there_is_no_warning():
    with override_settings(MIDDLEWARE=MIDDLEWARE, PARTNERSHIPS={"READER_STATEMENT_TIMEOUT": None}):
        assert ids_of_problems() == []


def test_the_reader_middleware_before_authentication_is_an_error():
    before_auth = list(MIDDLEWARE)
    before_auth.insert(before_auth.index(AUTH), READER_MIDDLEWARE)
    with override_settings(DATABASE_ROUTERS=[ROUTER], MIDDLEWARE=before_auth):
        assert ids_of_problems() == ["partnerships.E003"]


def test_the_reader_middleware_after_authentication_passes():
    after_auth = list(MIDDLEWARE)
    after_auth.insert(after_auth.index(AUTH) + 1, READER_MIDDLEWARE)
    with override_settings(DATABASE_ROUTERS=[ROUTER], MIDDLEWARE=after_auth):
        assert ids_of_problems() == []


def test_a_redis_cache_that_raises_during_an_outage_is_a_warning():
    strict_redis = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    django_redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://x",
    }
    tolerant = {**strict_redis, "OPTIONS": {"IGNORE_EXCEPTIONS": True}}
    caches = {"default": tolerant, "strict": strict_redis, "builtin": django_redis}
    with override_settings(CACHES=caches):
        assert ids_of_problems() == ["partnerships.W001", "partnerships.W002"]


def test_case_sensitive_tags_are_a_warning():
    with override_settings(TAGGIT_CASE_INSENSITIVE=False):
        assert ids_of_problems() == ["partnerships.W003"]


def test_the_plugin_below_an_app_that_loads_api_v3_first_is_named_by_manage_py_check(tmp_path):
    # Wagtail's redirects app imports API v3 from its ready(): above ours, it would serve
    # Wagtail's untyped page schemas rather than the plugin's.
    checked = manage_py_check(
        tmp_path,
        "INSTALLED_APPS = [app for app in INSTALLED_APPS if app != 'partnerships']\n"
        "INSTALLED_APPS.append('partnerships')\n",
    )
    assert checked.returncode == 1, checked.stderr[-2000:]
    assert "(partnerships.E004)" in checked.stderr
