from django.apps import AppConfig


class PodcastsConfig(AppConfig):
    """A host site's own listable kind, installed only by the test settings."""

    name = "tests.podcasts"
    label = "podcasts"
    default_auto_field = "django.db.models.BigAutoField"
