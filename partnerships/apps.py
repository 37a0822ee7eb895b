from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    label = "partnerships"
    verbose_name = "Partnerships"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .caching import signals  # noqa: F401 - connects the receivers
