"""Keyset (cursor) pagination: no COUNT, and page 500 costs what page 1 costs.

A cursor names the sort key of the last row seen and a direction. It is
opaque to clients (URL-safe base64 of JSON) but not secret: it reveals only
values the previous response already showed.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass

from django.db.models import BooleanField, Expression, F, Q, Value

from ..params import BadParameter

# The orderings the items listing offers; ties are always broken by id.
ORDERINGS = {
    "publish_date": "date",
    "first_published_at": "datetime",
    "title": "text",
    "id": "int",
}


@dataclass(frozen=True)
class Ordering:
    field: str
    descending: bool

    @classmethod
    def parse(cls, raw):
        descending = raw.startswith("-")
        field = raw.removeprefix("-")
        if field not in ORDERINGS:
            raise BadParameter(
                f"cannot order by '{raw}'; use one of: "
                + ", ".join(f"{name}, -{name}" for name in ORDERINGS)
            )
        return cls(field, descending)

    def order_by(self, reverse=False):
        descending = self.descending != reverse
        sign = "-" if descending else ""
        if self.field == "id":
            return [f"{sign}pk"]
        return [f"{sign}{self.field}", f"{sign}pk"]

    def key_of(self, item):
        value = item.pk if self.field == "id" else getattr(item, self.field)
        if isinstance(value, datetime.date | datetime.datetime):
            value = value.isoformat()
        return [value, item.pk]

    def after(self, key, reverse=False):
        """Rows strictly after `key` in this ordering (before it when `reverse`)."""
        value, pk = key
        descending = self.descending != reverse
        if self.field == "id":
            return Q(**{"pk__lt" if descending else "pk__gt": pk})
        return RowComparison(
            (F(self.field), F("pk")), "<" if descending else ">", (Value(value), Value(pk))
        )


class RowComparison(Expression):
    """`(publish_date, id) < (%s, %s)`.

    The same rows as `publish_date < %s OR (publish_date = %s AND id < %s)`,
    but a condition PostgreSQL can start an index scan from, rather than
    filter every newer row through.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, columns, operator, values):
        super().__init__()
        self.columns, self.operator, self.values = list(columns), operator, list(values)

    def get_source_expressions(self):
        return [*self.columns, *self.values]

    def set_source_expressions(self, expressions):
        split = len(self.columns)
        self.columns, self.values = expressions[:split], expressions[split:]

    def as_sql(self, compiler, connection):
        sides, params = [], []
        for expressions in (self.columns, self.values):
            compiled = [compiler.compile(expression) for expression in expressions]
            sides.append(", ".join(sql for sql, _ in compiled))
            params.extend(param for _, expression_params in compiled for param in expression_params)
        return f"({sides[0]}) {self.operator} ({sides[1]})", params


@dataclass(frozen=True)
class Cursor:
    order: str
    key: list
    backwards: bool

    def encode(self):
        payload = json.dumps({"o": self.order, "k": self.key, "b": self.backwards})
        return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, raw, ordering: Ordering, order_param: str):
        try:
            padded = raw + "=" * (-len(raw) % 4)
            data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            order, key, backwards = data["o"], data["k"], data["b"]
            value, pk = key
        except (ValueError, TypeError, KeyError, binascii.Error, UnicodeError):
            raise BadParameter("cursor is not valid; use the links in meta") from None
        if order != order_param:
            raise BadParameter("cursor was made for another order; use the links in meta")
        if (
            not isinstance(pk, int)
            or isinstance(pk, bool)
            or not 0 < pk < 2**63
            or not isinstance(backwards, bool)
        ):
            raise BadParameter("cursor is not valid; use the links in meta")
        kind = ORDERINGS[ordering.field]
        try:
            if kind == "date":
                value = datetime.date.fromisoformat(value)
            elif kind == "datetime":
                value = datetime.datetime.fromisoformat(value)
            elif kind == "int" and (not isinstance(value, int) or not 0 < value < 2**63):
                raise ValueError
            elif kind == "text" and (not isinstance(value, str) or "\x00" in value):
                raise ValueError
        except (ValueError, TypeError):
            raise BadParameter("cursor is not valid; use the links in meta") from None
        return cls(order, [value, pk], backwards)
