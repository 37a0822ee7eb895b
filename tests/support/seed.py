"""The reference page, read from tests/support/data/partnerships-collaboration.txt."""

from dataclasses import dataclass

from .paths import SEED_FILE


@dataclass
class SeedItem:
    title: str
    meta: str  # "Publish Date: News / 11 November 2021"
    excerpt: str


@dataclass
class Seed:
    title: str
    intro: str
    credit: str
    items: list[SeedItem]
    related_title: str
    related_teaser: str


def read_seed() -> Seed:
    lines = [line for line in SEED_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    title, intro, credit, heading, *rest = lines
    assert heading == "Most Recently Added"
    *listing, related_title, related_teaser = rest
    items = [SeedItem(*listing[i : i + 3]) for i in range(0, len(listing), 3)]
    return Seed(title, intro, credit, items, related_title, related_teaser)
