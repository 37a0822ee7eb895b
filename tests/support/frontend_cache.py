from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that remembers what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)
