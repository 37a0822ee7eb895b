"""System checks: a mistake in installing the plugin shows at `manage.py check`, not as a 500 later.

They say which app, setting or middleware order is missing, and how to fix it.
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Warning, register
from django.utils.translation import gettext as _

from .conf import partnerships_setting

# The apps the plugin needs beside Wagtail's own (the README's install step 2).
REQUIRED_APPS = [
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail_modeladmin",
    "wagtail_headless_preview",
    "rest_framework",
    "django.contrib.sitemaps",
    "taggit",
    "modelcluster",
]
READER_DATABASE_MIDDLEWARE = "partnerships.reader_database.ReaderDatabaseMiddleware"
AUTHENTICATION_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"
READER_DATABASE_ROUTER = "partnerships.reader_database.ReaderDatabaseRouter"


@register()
def required_apps(app_configs, **kwargs):
    return [
        Error(
            _("%(app)s is not in INSTALLED_APPS.") % {"app": app},
            hint=_("The plugin needs it; add it as the README's install section says."),
            id="partnerships.E001",
        )
        for app in REQUIRED_APPS
        if not apps.is_installed(app)
    ]


@register()
def reader_database_middleware(app_configs, **kwargs):
    """The replica router needs its middleware, after Django's authentication."""
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    routed = READER_DATABASE_ROUTER in getattr(settings, "DATABASE_ROUTERS", [])
    if READER_DATABASE_MIDDLEWARE not in middleware:
        if not routed:
            return unlimited_reader_statements()
        return [
            Error(
                _("DATABASE_ROUTERS names %(router)s, but MIDDLEWARE lacks %(middleware)s.")
                % {"router": READER_DATABASE_ROUTER, "middleware": READER_DATABASE_MIDDLEWARE},
                hint=_("Add the middleware right after AuthenticationMiddleware."),
                id="partnerships.E002",
            )
        ]
    if AUTHENTICATION_MIDDLEWARE not in middleware or middleware.index(
        READER_DATABASE_MIDDLEWARE
    ) < middleware.index(AUTHENTICATION_MIDDLEWARE):
        return [
            Error(
                _("%(middleware)s must come after %(auth)s in MIDDLEWARE.")
                % {"middleware": READER_DATABASE_MIDDLEWARE, "auth": AUTHENTICATION_MIDDLEWARE},
                hint=_("It tells anonymous readers from signed-in ones, which only that knows."),
                id="partnerships.E003",
            )
        ]
    return []


def unlimited_reader_statements():
    if partnerships_setting("READER_STATEMENT_TIMEOUT") is None:
        return []  # the host chose no limit
    return [
        Warning(
            _("MIDDLEWARE lacks %(middleware)s, so readers' queries have no time limit.")
            % {"middleware": READER_DATABASE_MIDDLEWARE},
            hint=_(
                "Add it right after AuthenticationMiddleware, or set "
                'PARTNERSHIPS["READER_STATEMENT_TIMEOUT"] to None.'
            ),
            id="partnerships.W004",
        )
    ]


@register()
def cache_outage_tolerance(app_configs, **kwargs):
    """A Redis that is down must be a miss for Wagtail's cache calls too, not a 500."""
    warnings = []
    for alias, cache in getattr(settings, "CACHES", {}).items():
        backend = cache.get("BACKEND", "")
        options = cache.get("OPTIONS", {})
        if backend == "django_redis.cache.RedisCache" and not options.get("IGNORE_EXCEPTIONS"):
            warnings.append(
                Warning(
                    _("The %(alias)s cache raises errors while Redis is down.") % {"alias": alias},
                    hint=_(
                        'Set "IGNORE_EXCEPTIONS": True and short SOCKET_CONNECT_TIMEOUT and '
                        "SOCKET_TIMEOUT in its OPTIONS, so a Redis outage slows pages "
                        "rather than failing them."
                    ),
                    id="partnerships.W001",
                )
            )
        elif backend == "django.core.cache.backends.redis.RedisCache":
            warnings.append(
                Warning(
                    _(
                        "The %(alias)s cache (Django's own Redis backend) raises errors while "
                        "Redis is down."
                    )
                    % {"alias": alias},
                    hint=_(
                        "Use django-redis with IGNORE_EXCEPTIONS, so a Redis outage slows "
                        "pages rather than failing them."
                    ),
                    id="partnerships.W002",
                )
            )
    return warnings


@register()
def case_insensitive_tags(app_configs, **kwargs):
    if getattr(settings, "TAGGIT_CASE_INSENSITIVE", False):
        return []
    return [
        Warning(
            _("TAGGIT_CASE_INSENSITIVE is not True."),
            hint=_(
                "Editors and imports would make “Outreach” and “outreach” two tags, and "
                "readers' ?tag= filters would find only one of them."
            ),
            id="partnerships.W003",
        )
    ]


@register()
def v3_read_schemas_registered_in_time(app_configs, **kwargs):
    """Our typed v3 page schemas only count if registered before v3's pages router is built."""
    from .api.v3.schemas import loading

    if not loading["too_late"]:
        return []
    return [
        Error(
            _("Wagtail's API v3 was loaded before the plugin could type its page fields."),
            hint=_(
                'Put "partnerships" at the top of INSTALLED_APPS, above '
                "wagtail.contrib.redirects and any app that imports wagtail.api.v3.api."
            ),
            id="partnerships.E004",
        )
    ]
