"""Local development: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
# Development only; production.py refuses to start without a real key.
SECRET_KEY = "dev-only-insecure-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
