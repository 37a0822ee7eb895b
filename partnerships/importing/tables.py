"""Writing a batch of rows into one table of the page models: INSERT everywhere, COPY on PostgreSQL.

Django's `bulk_create` refuses multi-table models (every page is rows in
several tables), so the importer writes each table of the inheritance chain
on its own, parents first.
"""

from django.db import connections

from ..internals import insert_rows, mark_saved


def insert_table_rows(model, objs, using):
    """INSERT the columns `model`'s own table holds, for objects of it or its subclasses.

    Django's `bulk_create` refuses multi-table models, so each table of the
    inheritance chain is written on its own, parents first; the primary key
    the base table returns is copied to every parent link.
    """
    if not objs:  # a batch may hold no item of some kind
        return
    opts = model._meta
    auto_field = opts.auto_field if opts.auto_field in opts.local_concrete_fields else None
    fields = [field for field in opts.local_concrete_fields if field is not auto_field]
    batch_size = connections[using].ops.bulk_batch_size(fields, objs) or len(objs)
    for start in range(0, len(objs), batch_size):
        chunk = objs[start : start + batch_size]
        rows = insert_rows(
            model, chunk, fields, returning_fields=[auto_field] if auto_field else None, using=using
        )
        if auto_field:
            for obj, (pk,) in zip(chunk, rows, strict=True):
                set_pk(obj, pk, using)


def reserve_pks(model, count, using):
    """`count` new primary keys for `model`, taken from its table's sequence (PostgreSQL).

    The sequence hands them out as INSERTs would, so concurrent writers never
    get the same key.
    """
    opts = model._meta
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [opts.db_table, opts.pk.column, count],
        )
        return [pk for (pk,) in cursor.fetchall()]


def copy_table_rows(model, objs, using):
    """COPY the columns `model`'s own table holds (PostgreSQL).

    An auto primary key is copied when the objects have one (reserved with
    `reserve_pks`) and otherwise left to the table's default. Values are
    prepared by each field as Django prepares them for an INSERT (JSON
    through the field's encoder, `auto_now_add` filled in); psycopg streams
    the rows, so no statement with thousands of placeholders is built, sent
    and parsed.
    """
    if not objs:
        return
    connection = connections[using]
    quote = connection.ops.quote_name
    opts = model._meta
    fields = [
        field
        for field in opts.local_concrete_fields
        if not (field is opts.auto_field and objs[0].pk is None)
    ]
    columns = ", ".join(quote(field.column) for field in fields)
    with (
        connection.cursor() as cursor,
        # Only quoted names are formatted in; the rows are data, never SQL.
        cursor.copy(f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for obj in objs:
            copy.write_row(
                [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
            )


def set_pk(obj, pk, using):
    """Give a saved object its primary key, on every link of its inheritance chain."""
    for link_model in (type(obj), *type(obj)._meta.get_parent_list()):
        setattr(obj, link_model._meta.pk.attname, pk)
    mark_saved(obj, using)
