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

from django.db.models import Q
from wagtail.api.v2.utils import BadRequestError

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
            raise BadRequestError(
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
        lookup = "lt" if descending else "gt"
        if self.field == "id":
            return Q(**{f"pk__{lookup}": pk})
        return Q(**{f"{self.field}__{lookup}": value}) | Q(
            **{self.field: value, f"pk__{lookup}": pk}
        )


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
            raise BadRequestError("cursor is not valid; use the links in meta") from None
        if order != order_param:
            raise BadRequestError("cursor was made for another order; use the links in meta")
        if (
            not isinstance(pk, int)
            or isinstance(pk, bool)
            or not 0 < pk < 2**63
            or not isinstance(backwards, bool)
        ):
            raise BadRequestError("cursor is not valid; use the links in meta")
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
            raise BadRequestError("cursor is not valid; use the links in meta") from None
        return cls(order, [value, pk], backwards)
