"""What one imported item is, wherever it comes from (a file or the generator)."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ItemData:
    kind: str  # any listable kind's `kind`: "news", "webinar", a host's "podcast"
    title: str
    slug: str
    publish_date: datetime.date
    summary: str = ""
    paragraphs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # The kind's own fields (its `import_fields`), such as a webinar's times and links.
    fields: dict = field(default_factory=dict, compare=False)
