"""Every private API of Wagtail, treebeard, modelsearch and Django the plugin relies on, for speed.

Each function names the public behaviour it mirrors, and
`tests/models/test_internals.py` compares the two, so an upgrade that
changes one of these internals fails a test rather than a page. Nothing
else in the plugin touches an underscored name of another package.
"""

from wagtail.models import Page

from .models.kinds import kind_accessors

# Routing


def remember_parent(child, parent):
    """Let `child.get_parent()` answer without a query, as Wagtail's `Page.route` does.

    Wagtail keeps the parent it routed through in `_cached_parent_obj`; our
    one-query routing (`partnerships.pages.routing`) does the same.
    """
    child._cached_parent_obj = parent


# Fetching pages as their own kind


def as_kinds(rows):
    """Each row of a `with_kinds()` query as its own kind, without further queries.

    Mirrors Wagtail's `PageQuerySet.specific()`, which costs a query per kind:
    `with_kinds()` joins every kind's table to the shared one, so Django has
    already built each row's kind object (`_state.fields_cache`). That object
    does not share the row's caches, so the selected relations (listing image,
    topic), annotations and prefetched objects are handed over to it.
    """
    accessors = kind_accessors()
    items = []
    for row in rows:
        cache = row._state.fields_cache
        item = next((cache[name] for name in accessors if cache.get(name)), None)
        if item is None:  # a kind of a kind: not joined, so ask Wagtail
            items.append(row.specific)
            continue
        for name, related in cache.items():  # the listing image, the topic…
            if name not in accessors:
                item._state.fields_cache.setdefault(name, related)
        if hasattr(row, "tag_names"):
            item.tag_names = row.tag_names
        item._prefetched_objects_cache = {
            **getattr(row, "_prefetched_objects_cache", {}),
            **getattr(item, "_prefetched_objects_cache", {}),
        }
        items.append(item)
    return items


# Writing tree rows in bulk (the importer)


def child_path(parent, step):
    """The path treebeard gives a parent's `step`-th child (what `add_child` writes)."""
    return Page._get_path(parent.path, parent.depth + 1, step)


def path_step(path):
    """The step number of a page's own part of its path (treebeard's `_str2int`)."""
    return Page._str2int(path[-Page.steplen :])


def insert_rows(model, objs, fields, returning_fields, using):
    """INSERT `objs` into `model`'s own table only, returning keys: what `bulk_create` runs.

    `bulk_create` refuses multi-table models; this is the statement it sends
    for each table (`QuerySet._insert`).
    """
    return model._base_manager._insert(
        objs, fields=fields, returning_fields=returning_fields, using=using
    )


def mark_saved(obj, using):
    """Mark an object written by `insert_rows` or COPY as saved, as `Model.save` does."""
    obj._state.adding = False
    obj._state.db = using


# Search


def refresh_title_norms(index):
    """What modelsearch's PostgreSQL index does after every `add_bulk`: rank titles by length."""
    index._refresh_title_norms()


# Wagtail's API v2


def api_serializer_class(viewset, router, model, fields_config, show_details):
    """The serializer class Wagtail's API v2 builds for `model` and a parsed `fields` value."""
    return viewset._get_serializer_class(router, model, fields_config, show_details=show_details)


# Wagtail's API v3


def v3_limit_max():
    """The largest `limit` Wagtail's v3 listings accept (`WAGTAILAPI_LIMIT_MAX`), None if any.

    What `WagtailLimitOffsetPagination` enforces, read from its own helper so
    that the document the plugin corrects says what the server does.
    """
    from math import inf

    # Imported here: wagtail.api.v3 loads django-ninja, which models need not.
    from wagtail.api.v3.pagination import _get_max_limit

    limit = _get_max_limit()
    return None if limit == inf else int(limit)
