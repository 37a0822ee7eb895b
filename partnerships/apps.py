from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    label = "partnerships"
    verbose_name = "Partnerships"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connect the receivers: derived fields, the content version, the search index.
        from .caching import signals as caching_signals  # noqa: F401
        from .models import signals as model_signals  # noqa: F401
        from .search import indexing  # noqa: F401
