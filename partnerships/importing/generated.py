"""Realistic made-up items, numbered so that an interrupted import can resume."""

import datetime
import random

from .items import ItemData

SUBJECTS = [
    "Public libraries",
    "Museums",
    "Archives",
    "Rural libraries",
    "School libraries",
    "Health partners",
    "Makerspaces",
    "Community colleges",
    "Local newspapers",
    "Food banks",
    "Literacy programmes",
    "Digital inclusion projects",
    "Historical societies",
    "Tribal libraries",
]
ACTIONS = [
    "team up with",
    "share collections with",
    "open their doors to",
    "train volunteers for",
    "build broadband access for",
    "co-host events with",
    "measure impact alongside",
    "raise funds with",
    "design services for",
    "learn from",
]
AUDIENCES = [
    "new readers",
    "older adults",
    "teens",
    "job seekers",
    "immigrant families",
    "small businesses",
    "veterans",
    "caregivers",
    "students",
    "local historians",
]
TAGS = [
    "public health",
    "museums",
    "archives",
    "crisis response",
    "digital inclusion",
    "funding",
    "outreach",
    "literacy",
    "broadband",
    "workforce",
    "research",
    "equity",
    "rural",
    "youth",
    "evaluation",
    "collections",
]
SENTENCES = [
    "Partners met monthly to agree on goals, share data and plan joint programmes.",
    "The pilot reached more people in its first six months than the library alone in two years.",
    "Staff from both organisations trained together, which built trust early on.",
    "A small grant covered equipment, but volunteers carried most of the work.",
    "Surveys before and after each session showed what readers valued most.",
    "The project team published its toolkit so that other communities can adapt it.",
    "Challenges included scheduling across institutions and keeping momentum over summer.",
    "Local officials joined the steering group after seeing the first results.",
    "Every event was recorded and captioned, and the recordings remain free to watch.",
    "Next year the partners plan to extend the programme to two neighbouring counties.",
]
DAYS_OF_HISTORY = 12 * 365  # items spread over twelve years up to today
WEBINAR_SHARE = 0.3


def generated_items(first_number, count, slug_prefix, seed=0, today=None):
    """Items numbered `first_number` … `first_number + count - 1`.

    Each item depends only on its number and the seed, so a resumed import
    produces exactly the items an uninterrupted one would have.
    """
    today = today or datetime.date.today()
    for number in range(first_number, first_number + count):
        yield generated_item(number, slug_prefix, seed, today)


def generated_item(number, slug_prefix, seed, today):
    rng = random.Random(f"{seed}:{number}")  # noqa: S311 - made-up content, not secrets
    title = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(AUDIENCES)}"
    publish_date = today - datetime.timedelta(days=rng.randrange(DAYS_OF_HISTORY))
    paragraphs = tuple(
        " ".join(rng.sample(SENTENCES, rng.randint(2, 5))) for _ in range(rng.randint(1, 4))
    )
    # Two items in five have a summary; the rest show an excerpt of their body.
    summary = rng.choice(SENTENCES) if rng.random() < 0.4 else ""
    common = dict(
        title=title,
        slug=numbered_slug(slug_prefix, number),
        publish_date=publish_date,
        summary=summary,
        paragraphs=paragraphs,
        tags=tuple(rng.sample(TAGS, rng.randint(0, 3))),
    )
    if rng.random() < WEBINAR_SHARE:
        starts_at = datetime.datetime.combine(
            publish_date, datetime.time(rng.choice([14, 15, 16, 18])), datetime.UTC
        )
        return ItemData(
            kind="webinar",
            fields={
                "starts_at": starts_at,
                "ends_at": starts_at + datetime.timedelta(hours=1),
                "registration_url": f"https://events.example.org/{number}",
            },
            **common,
        )
    return ItemData(kind="news", **common)


def numbered_slug(prefix, number):
    # Zero-padded, so the largest slug is the largest number (see `next_number`).
    return f"{prefix}-{number:07d}"


def number_of_slug(prefix, slug):
    return int(slug.removeprefix(f"{prefix}-"))
