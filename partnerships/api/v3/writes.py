"""The plugin's writes through Wagtail's API v3, set up from `PartnershipsConfig.ready()`.

Wagtail's pages router builds its request and response schemas from the
content-type registry when it is first imported, so each kind's create and
patch schema is registered before anything imports `wagtail.api.v3.api`:
registered later, it would be ignored, and creating a webinar would fail in the
database. That is why this runs from the plugin's `ready()` (the plugin comes
first in INSTALLED_APPS), and why a late registration stops the start.
"""

import sys
from dataclasses import replace

from django.core.exceptions import ImproperlyConfigured
from wagtail.api.v3.registry import registry

from ...models.kinds import listable_page_models
from .write_schemas import create_schema, patch_schema

PAGES_ROUTER = "wagtail.api.v3.routers.pages"


def register_write_schemas():
    if PAGES_ROUTER in sys.modules:
        raise ImproperlyConfigured(
            f"{PAGES_ROUTER} was imported before the partnerships app was ready: "
            "put “partnerships” first in INSTALLED_APPS."
        )
    for kind in listable_page_models():
        registration = registry.get(kind._meta.label)
        schemas = {"create_schema": create_schema(kind), "patch_schema": patch_schema(kind)}
        registry.register(replace(registration, **schemas))


register_write_schemas()

# Only now may the API be imported: its pages router reads the schemas above.
from wagtail.api.v3.api import api  # noqa: E402

from .actions import router as actions_router  # noqa: E402
from .bounds import register_backstop  # noqa: E402

api.add_router("/pages/", actions_router)
register_backstop(api)
