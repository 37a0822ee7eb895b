"""What the plugin adds to Wagtail's API v3, from `PartnershipsConfig.ready()`.

Wagtail's pages router builds its request and response schemas from the
content-type registry when it is first imported. So the order here is the one
that works: our typed read schemas and each kind's create and patch schemas go
into the registry first, and only then is `wagtail.api.v3.api` imported and our
routers (`/items/`, the review actions), the input bounds, the visibility
rule for anonymous reads of Wagtail's pages routes and the corrections of
its OpenAPI document added to it, as
Wagtail's own contrib apps add theirs. The plugin comes first in
INSTALLED_APPS so that this runs before any other app imports the API
(system check partnerships.E004 says so when it does not).
"""

from .schemas import register_read_schemas
from .writes import register_write_schemas


def add_to_v3_api():
    register_read_schemas()
    register_write_schemas()
    # Imported only now: importing them loads the pages router, which reads the registry.
    from wagtail.api.v3.api import api

    from .actions import router as actions_router
    from .bounds import register_backstop
    from .items import router as items_router
    from .openapi_corrections import install as correct_openapi_document
    from .reader_pages import use_visibility_rule

    api.add_router("/items/", items_router)
    api.add_router("/pages/", actions_router)
    register_backstop(api)
    use_visibility_rule()
    correct_openapi_document(api)
