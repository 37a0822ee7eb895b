"""The plugin's settings: one `PARTNERSHIPS` dictionary in the host site's settings.

    PARTNERSHIPS = {"EXCERPT_LENGTH": 200, "EDITOR_GROUP": "News editors"}

Any key left out takes its default below.
"""

from django.conf import settings

DEFAULTS = {
    # Characters of body text a listing excerpt may use, before its ellipsis.
    "EXCERPT_LENGTH": 250,
    # How many items a new topic lists per page (editors can change it per topic).
    "ITEMS_PER_PAGE": 10,
    # Seconds shared caches and browsers may keep anonymous API and feed responses.
    "API_CACHE_MAX_AGE": 60,
    # The largest `limit` the API accepts.
    "API_MAX_LIMIT": 100,
    # How many items a feed carries.
    "FEED_SIZE": 20,
    # The largest response body the reader response cache keeps; bigger ones
    # are answered afresh each time rather than filling the cache.
    "RESPONSE_CACHE_MAX_BYTES": 1024 * 1024,
    # Seconds a headless-preview token shows its draft; an editor's preview
    # link older than this answers 404.
    "PREVIEW_TOKEN_MAX_AGE": 3600,
    # Who publishes the site: the publisher of articles and organizer of webinars in
    # structured data, and the ORGANIZER of calendars. Keys left out fall back to the
    # Wagtail Site's name and root URL; without an email, calendars carry no METHOD.
    # {"name": "", "url": "", "logo": "<static path or URL>", "email": "",
    #  "telephone": "", "address": ""}
    "ORGANIZATION": {},
    # A picture (static path or absolute URL, ideally 1200×630) for link previews of
    # pages that have none of their own and whose topic has no photo.
    "DEFAULT_SHARE_IMAGE": "",
    # The groups `set_up_editorial_roles` creates and looks after. They are the
    # plugin's own: Wagtail's "Editors" and "Moderators", and any other group a
    # host has, are never changed.
    "EDITOR_GROUP": "Partnership editors",
    "MODERATOR_GROUP": "Partnership moderators",
    # The workflow pages, people and partners go through.
    "REVIEW_WORKFLOW": "Editorial review",
    # How long (ms) one SQL statement of an anonymous reader's request may run on
    # PostgreSQL before it is cancelled (a 503), with ReaderDatabaseMiddleware
    # installed; None for no limit. See partnerships/reader_statement_timeout.py.
    "READER_STATEMENT_TIMEOUT": 5000,
}
ORGANIZATION_KEYS = {"name", "url", "logo", "email", "telephone", "address"}


def partnerships_setting(name):
    """The value of one PARTNERSHIPS key: the host's override, or the default above.

    Read at call time, so `override_settings(PARTNERSHIPS=...)` works in tests. A
    misspelt key raises KeyError rather than being silently ignored.
    """
    overrides = getattr(settings, "PARTNERSHIPS", {})
    unknown = set(overrides) - set(DEFAULTS)
    if unknown:
        raise KeyError(f"Unknown PARTNERSHIPS settings: {', '.join(sorted(unknown))}")
    value = overrides.get(name, DEFAULTS[name])
    if name == "ORGANIZATION" and set(value) - ORGANIZATION_KEYS:
        unknown = ", ".join(sorted(set(value) - ORGANIZATION_KEYS))
        raise KeyError(f"Unknown PARTNERSHIPS['ORGANIZATION'] keys: {unknown}")
    return value
