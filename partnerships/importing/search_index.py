"""Search index entries for a batch of new pages.

On PostgreSQL, Wagtail's database backend (modelsearch) stores one row per
page in `wagtailsearch_indexentry`, with tsvectors built in SQL. Its
`add_bulk` reads every search field five times per page (once for each
column) and compiles a Django expression per text, which costs ~20 ms a page.
`index_pages` reads each field once, with the backend's own `prepare_field`
and weights, and writes the same rows in one short INSERT … SELECT from
arrays of texts: a test compares them with what `add_bulk` writes. Other backends get `add_bulk`.
"""

from django.db import connections
from modelsearch.backends.database.postgres.postgres import ObjectIndexer, PostgresSearchBackend
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from ..internals import refresh_title_norms


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
            refresh_title_norms(backend.get_index_for_model(model))


def _add_to_postgres_index(backend, model, pages):
    index = backend.get_index_for_model(model)
    texts = [_texts_by_column(backend, page) for page in pages]
    # The texts go in as arrays, one per slot (a page's first, second, … body
    # text), which `unnest` turns back into rows: the statement stays a few
    # lines long however big the batch, where one placeholder per text made
    # megabytes of SQL for psycopg to build and PostgreSQL to parse. A page
    # with fewer texts than there are slots gets empty ones, which add nothing
    # to its vector (`||` with an empty tsvector changes nothing).
    arrays = [
        [str(page.pk) for page in pages],
        [" ".join(text for text, _ in page_texts["title"]) for page_texts in texts],
        [" ".join(text for text, _ in page_texts["body"]) for page_texts in texts],
    ]
    vectors, vector_params = [], []
    for column in VECTOR_COLUMNS:
        config = backend.autocomplete_config if column == "autocomplete" else backend.config
        parts = []
        for slot in range(max(len(page_texts[column]) for page_texts in texts)):
            pairs = [
                page_texts[column][slot] if slot < len(page_texts[column]) else ("", "D")
                for page_texts in texts
            ]
            arrays += [[text for text, _ in pairs], [weight for _, weight in pairs]]
            text_column, weight_column = f"a{len(arrays) - 2}", f"a{len(arrays) - 1}"
            parts.append(
                f"setweight(to_tsvector({'%s::regconfig, ' if config else ''}e.{text_column}), "
                f'e.{weight_column}::"char")'
            )
            vector_params += [config] if config else []
        vectors.append(" || ".join(parts) or "''::tsvector")
    names = ", ".join(f"a{number}" for number in range(len(arrays)))
    with connections[index.write_connection.alias].cursor() as cursor:
        cursor.execute(
            # Only column names and placeholders are formatted in; every value is a parameter.
            f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, "  # noqa: S608
            "autocomplete, body, title_norm, title_text, body_text) "
            f"SELECT %s, e.a0, {', '.join(vectors)}, 1.0, e.a1, e.a2 "
            f"FROM unnest({', '.join(['%s::text[]'] * len(arrays))}) AS e({names})",
            [get_content_type_pk(model), *vector_params, *arrays],
        )


VECTOR_COLUMNS = ("title", "autocomplete", "body")


def _texts_by_column(backend, page):
    """The page's non-empty (text, weight) pairs for each tsvector column.

    As modelsearch's `ObjectIndexer` sorts them: autocomplete fields, the
    title, and every other search field into the body.
    """
    texts = {column: [] for column in VECTOR_COLUMNS}
    indexer = ObjectIndexer(page, backend)
    for search_field in indexer.search_fields:
        for field, weight, value in indexer.prepare_field(page, search_field):
            text = value.strip()
            if not text:
                continue
            if isinstance(field, AutocompleteField):
                texts["autocomplete"].append((text, "D"))
            elif isinstance(field, SearchField):
                texts["title" if field.field_name == "title" else "body"].append((text, weight))
    return texts
