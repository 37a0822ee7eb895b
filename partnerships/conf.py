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
    # The groups `set_up_editorial_roles` creates and looks after. They are the
    # plugin's own: Wagtail's "Editors" and "Moderators", and any other group a
    # host has, are never changed.
    "EDITOR_GROUP": "Partnership editors",
    "MODERATOR_GROUP": "Partnership moderators",
    # The workflow pages, people and partners go through.
    "REVIEW_WORKFLOW": "Editorial review",
}


def partnerships_setting(name):
    """The value of one PARTNERSHIPS key: the host's override, or the default above.

    Read at call time, so `override_settings(PARTNERSHIPS=...)` works in tests. A
    misspelt key raises KeyError rather than being silently ignored.
    """
    overrides = getattr(settings, "PARTNERSHIPS", {})
    unknown = set(overrides) - set(DEFAULTS)
    if unknown:
        raise KeyError(f"Unknown PARTNERSHIPS settings: {', '.join(sorted(unknown))}")
    return overrides.get(name, DEFAULTS[name])
