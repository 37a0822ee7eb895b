"""The test suite: `make test` (SQLite, or PostgreSQL when DATABASE_URL is set)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, INSTALLED_APPS

# A listable kind that only the tests add, as a host site would (tests/podcasts/).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.podcasts"]

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
WAGTAILADMIN_BASE_URL = "http://testserver"
