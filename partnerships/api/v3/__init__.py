"""The plugin in Wagtail 8's API v3 (django-ninja): typed schemas, `/items/`, writes."""
