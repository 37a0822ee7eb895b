"""The test suite: `make test` (SQLite, or PostgreSQL when DATABASE_URL is set)."""

import copy

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, INSTALLED_APPS

# A listable kind that only the tests add, as a host site would (tests/podcasts/).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.podcasts"]

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
WAGTAILADMIN_BASE_URL = "http://testserver"

# On PostgreSQL, a second alias on the same test database (Django's TEST MIRROR)
# stands in for a read replica, so tests/deployment/test_replicas.py can check where each
# read goes. Nothing is routed to it unless a test installs the router.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and "replica" not in DATABASES:
    DATABASES["replica"] = copy.deepcopy(DATABASES["default"]) | {"TEST": {"MIRROR": "default"}}
