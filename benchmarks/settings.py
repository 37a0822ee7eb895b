"""The demo site as production runs it (DEBUG off), plus bench-only URLs."""

import os

from demosite.settings.base import *  # noqa: F403

SECRET_KEY = "bench-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.urls"
WAGTAILADMIN_BASE_URL = "http://testserver"
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# Our own key prefix, so the bench never reads or writes another project's entries.
CACHES["default"]["KEY_PREFIX"] = "perf-bench"  # noqa: F405
