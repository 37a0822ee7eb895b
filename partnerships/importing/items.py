"""What one imported item is, wherever it comes from (a file or the generator)."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ItemData:
    kind: str  # "news" or "webinar" (any listable kind's `kind`)
    title: str
    slug: str
    publish_date: datetime.date
    summary: str = ""
    paragraphs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    starts_at: datetime.datetime | None = None  # webinars only
    ends_at: datetime.datetime | None = None
    registration_url: str = ""
    recording_url: str = ""
    extra: dict = field(default_factory=dict, compare=False)
