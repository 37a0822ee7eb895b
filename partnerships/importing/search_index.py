"""Search index entries for a batch of new pages.

On PostgreSQL, Wagtail's database backend (modelsearch) stores one row per
page in `wagtailsearch_indexentry`, with tsvectors built in SQL. Its
`add_bulk` reads every search field five times per page (once for each
column) and compiles a Django expression per text, which costs ~20 ms a page.
`index_pages` reads each field once, with the backend's own `prepare_field`
and weights, and writes the same rows in one INSERT: a test compares them
with what `add_bulk` writes. Other backends get `add_bulk`.
"""

from django.db import connections
from modelsearch.backends.database.postgres.postgres import ObjectIndexer, PostgresSearchBackend
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry


def index_pages(model, pages):
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, PostgresSearchBackend):
            _add_to_postgres_index(backend, model, pages)
        else:
            backend.add_bulk(model, pages)


def finish_indexing(model):
    """Rank titles by their length relative to the average, as `add_bulk` does.

    `add_bulk` refreshes these norms after every call, reading the whole index
    each time; an import does it once, at the end (new entries rank with the
    neutral norm 1.0 meanwhile).
    """
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, PostgresSearchBackend):
            backend.get_index_for_model(model)._refresh_title_norms()


def _add_to_postgres_index(backend, model, pages):
    index = backend.get_index_for_model(model)
    rows, params = [], []
    content_type_pk = get_content_type_pk(model)
    for page in pages:
        title, body, autocomplete = [], [], []
        indexer = ObjectIndexer(page, backend)
        for search_field in indexer.search_fields:
            for field, weight, value in indexer.prepare_field(page, search_field):
                text = value.strip()
                if isinstance(field, AutocompleteField):
                    autocomplete.append((text, "D"))
                elif isinstance(field, SearchField):
                    (title if field.field_name == "title" else body).append((text, weight))
        title_sql, title_params = _vector(title, backend.config)
        auto_sql, auto_params = _vector(autocomplete, backend.autocomplete_config)
        body_sql, body_params = _vector(body, backend.config)
        rows.append(f"(%s, %s, {title_sql}, {auto_sql}, {body_sql}, 1.0, %s, %s)")
        params += [content_type_pk, str(page.pk), *title_params, *auto_params, *body_params]
        params += [" ".join(t for t, _ in title if t), " ".join(t for t, _ in body if t)]
    with connections[index.write_connection.alias].cursor() as cursor:
        cursor.execute(
            # Only placeholders are formatted in; every value is a parameter.
            f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, "  # noqa: S608
            "autocomplete, body, title_norm, title_text, body_text) "
            f"VALUES {', '.join(rows)}",
            params,
        )


def _vector(texts, config):
    """The tsvector SQL modelsearch's `ObjectIndexer.as_vector` compiles to."""
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return "to_tsvector(COALESCE(%s, %s))", ["", ""]
    config_sql = "%s::regconfig, " if config else ""
    parts, params = [], []
    for text, weight in texts:
        parts.append(f"setweight(to_tsvector({config_sql}COALESCE(%s, %s)), %s)")
        params += ([config] if config else []) + [text, "", weight]
    return " || ".join(parts), params
