"""Each kind's create and patch schema in Wagtail's API v3 (added by `registration.py`).

Wagtail's pages router builds its request and response schemas from the
content-type registry when it is first imported, so each kind's create and
patch schema is registered before anything imports `wagtail.api.v3.api`:
registered later, it would be ignored, and creating a webinar would fail in the
database. That is why this runs from the plugin's `ready()` (the plugin comes
first in INSTALLED_APPS).
"""

import sys
from dataclasses import replace

from wagtail.api.v3.registry import registry

from ...models.kinds import listable_page_models
from .write_schemas import create_schema, patch_schema

PAGES_ROUTER = "wagtail.api.v3.routers.pages"


def register_write_schemas():
    """Each kind's create and patch schema, unless the pages router has read the registry.

    Registered late they would be ignored; system check partnerships.E004
    names that install mistake (see schemas.py).
    """
    if PAGES_ROUTER in sys.modules:
        return
    for kind in listable_page_models():
        registration = registry.get(kind._meta.label)
        schemas = {"create_schema": create_schema(kind), "patch_schema": patch_schema(kind)}
        registry.register(replace(registration, **schemas))
