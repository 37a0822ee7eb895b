"""Settings shared by every environment; dev, test and production refine them.

Anything secret or machine-specific comes from the environment.
"""

import os
from pathlib import Path

import dj_database_url
import django

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "partnerships",
    "home",
    "wagtail_modeladmin",
    "wagtail_headless_preview",
    "corsheaders",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "demosite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "demosite.wsgi.application"

# SQLite in the repository root unless DATABASE_URL names another database
# (PostgreSQL in production: postgres://user:password@host:5432/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}

# Anonymous readers' requests (partnerships.reader_database): on PostgreSQL each of
# their statements is cancelled after PARTNERSHIPS["READER_STATEMENT_TIMEOUT"], and a
# streaming read replica answers them when DATABASE_REPLICA_URL is set; writes, the
# admin and signed-in readers stay on the primary, and reads fall back to it while
# the replica is down or behind.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "partnerships.reader_database.ReaderDatabaseMiddleware",
)
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
    # A replica that is down must fail fast (libpq's shortest timeout is 2 s).
    DATABASES["replica"]["OPTIONS"] = {"connect_timeout": 2}
    DATABASE_ROUTERS = ["partnerships.reader_database.ReaderDatabaseRouter"]


# Redis when REDIS_URL is set (shared by every gunicorn worker and app server),
# memory otherwise. A Redis outage must be a slow day, not an outage: every
# cache call that fails is answered as a miss (IGNORE_EXCEPTIONS), and short
# timeouts keep a Redis that hangs from holding requests up. Nothing the site
# needs is only in the cache: validators and cached responses are keyed on the
# content version in the database, so entries made before an outage are never
# served stale after it.
def redis_cache(url):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "partnerships",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.2")),
            "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.2")),
        },
    }


if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's full-text fields there.
    INSTALLED_APPS.append("django.contrib.postgres")
    # Planning the listing's query (five joined tables) takes PostgreSQL longer
    # than running it; a statement prepared once per connection skips that.
    # Behind PgBouncer in transaction mode older than 1.21, set this to "false".
    if os.environ.get("DATABASE_PREPARED_STATEMENTS", "true") == "true":
        for database in DATABASES.values():
            database.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The demo library is in New York: American English, so times read "2–3 p.m." in
# the public pages and the admin alike. (Dates keep the seed's "11 November 2021":
# the plugin writes them with explicit formats.)
LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Library partnerships"
# The demo library network, for structured data, calendars and the footer (the
# organisation's name is the site's).
PARTNERSHIPS = {
    "ORGANIZATION": {
        "email": "partnerships@example.org",
        "telephone": "+1 845-555-0142",
        "address": "120 Market Street, Poughkeepsie, NY 12601",
        "logo": "apple-touch-icon.png",
    },
    "DEFAULT_SHARE_IMAGE": "img/share.png",
}
# Absolute URLs in the admin and in notification emails point here.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# The API renders rich text as HTML (clients may ask for ?rich_text_format=db_html).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100

# Other origins may read the API only when listed (comma-separated), e.g.
# CORS_ALLOWED_ORIGINS=https://app.example.org. Off by default.
CORS_ALLOWED_ORIGINS = [o for o in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if o]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

# A headless front end can preview drafts when its preview URL is set.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": (
        {"default": os.environ["HEADLESS_PREVIEW_URL"]}
        if os.environ.get("HEADLESS_PREVIEW_URL")
        else {}
    ),
    "REDIRECT_ON_PREVIEW": False,
}

# A CDN or Varnish in front of the site is purged on publish when configured,
# e.g. WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "...HTTPBackend", "LOCATION": "..."}}.

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Shared-password privacy compares a secret on every request and has a
# history of timing attacks; login and group restrictions remain available.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}

WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

TAGGIT_CASE_INSENSITIVE = True


def email_settings(backend, **options):
    """Django 6.1 configures email through MAILERS; Django 5.2 through EMAIL_* settings."""
    if django.VERSION >= (6, 1):
        return {"MAILERS": {"default": {"BACKEND": backend, "OPTIONS": options}}}
    return {"EMAIL_BACKEND": backend} | {f"EMAIL_{k.upper()}": v for k, v in options.items()}


# Development prints notification emails on the console.
globals().update(email_settings("django.core.mail.backends.console.EmailBackend"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
