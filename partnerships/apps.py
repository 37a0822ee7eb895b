from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    label = "partnerships"
    verbose_name = _("Partnerships")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connect the receivers: derived fields, the content version, the search index.
        # Register the system checks that explain a mistaken install.
        # Add our typed schemas, /api/v3/items/ and the review actions to API v3.
        from . import checks  # noqa: F401
        from .api.v3.registration import add_to_v3_api
        from .caching import signals as caching_signals  # noqa: F401
        from .models import signals as model_signals  # noqa: F401
        from .search import indexing  # noqa: F401

        add_to_v3_api()
