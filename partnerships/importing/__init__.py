"""Bulk import of news and webinars under a topic (`manage.py import_items`)."""
