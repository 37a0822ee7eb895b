"""Django's cache as the plugin uses it: a cache that fails (Redis down) is a miss, never an error.

Everything the plugin keeps there can be built again from the database, so
a failing cache only costs time: requests go on uncached, and caching
resumes by itself when the cache returns. The host's cache settings should
say the same for Wagtail's own cache calls (see the README's Production).
"""

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def cache_get(key):
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001 - any cache failure is a miss
        logger.warning("Cache unavailable; answering without it", exc_info=True)
        return None


def cache_set(key, value, timeout):
    try:
        cache.set(key, value, timeout)
    except Exception:  # noqa: BLE001 - the next reader builds it again
        logger.warning("Cache unavailable; not keeping %s", key, exc_info=True)


def cache_delete_many(keys):
    try:
        cache.delete_many(keys)
    except Exception:  # noqa: BLE001 - a cache that is down holds nothing to forget
        logger.warning("Cache unavailable; could not drop %d keys", len(keys), exc_info=True)
