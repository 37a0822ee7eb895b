"""Helpers the tests share: factories, readers of pages, feeds and APIs, browsers."""
