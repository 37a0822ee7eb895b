"""`manage.py import_items`: many news items and webinars under a topic, fast.

    manage.py import_items --topic 4 --count 100000       # generated items
    manage.py import_items --topic partnerships-collaboration --file items.csv

Rerunning continues where an interrupted run stopped: generated items are
numbered in their slugs, and items whose slug the topic already has are skipped.
"""

import itertools
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import reset_queries
from django.utils.translation import gettext as _
from tqdm import tqdm

from ...importing.files import ImportFileError, items_from_file
from ...importing.generated import generated_items, number_of_slug, numbered_slug
from ...importing.writer import BatchWriter
from ...models import ContentVersion, TopicIndexPage

MAX_BATCH_SIZE = 5000


class Command(BaseCommand):
    help = "Create news items and webinars under a topic, generated or read from a CSV/JSON file."

    def add_arguments(self, parser):
        parser.add_argument("--topic", required=True, help="The topic's id or slug.")
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument(
            "--count", type=int, help="Generate items until the topic has this many of them."
        )
        source.add_argument("--file", help="A .csv or .json file of items (see the README).")
        parser.add_argument("--batch-size", type=int, default=1000, help="Pages per transaction.")
        parser.add_argument(
            "--slug-prefix", default="item", help="Generated slugs are <prefix>-0000001, …"
        )
        parser.add_argument("--seed", type=int, default=0, help="Seed of the generated content.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, topic, count, file, batch_size, slug_prefix, seed, **options):
        if not 1 <= batch_size <= MAX_BATCH_SIZE:
            raise CommandError(
                _("--batch-size must be between 1 and %(most)d.") % {"most": MAX_BATCH_SIZE}
            )
        topic_page = self.find_topic(topic)
        writer = BatchWriter(topic_page)

        if file is not None:
            items, total = items_from_file(file), None
        else:
            if count < 0:
                raise CommandError(_("--count cannot be negative."))
            done = self.generated_so_far(topic_page, slug_prefix)
            total = max(count - done, 0)
            items = generated_items(done + 1, total, slug_prefix, seed=seed)

        started = time.perf_counter()
        created = 0
        progress = tqdm(total=total, unit="page", disable=options["no_progress"], file=self.stderr)
        try:
            for batch in batched(items, batch_size):
                written = writer.write(list(batch))
                created += written
                progress.update(len(batch))
                # With DEBUG on, Django logs every statement with its values (a
                # batch's search texts are megabytes); as after each request, the
                # log starts afresh, so memory stays flat however long the import.
                reset_queries()
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        finally:
            progress.close()
            if created:
                writer.finish()
                ContentVersion.bump()

        elapsed = time.perf_counter() - started
        rate = created / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {created} pages under “{topic_page.title}” in {elapsed:.1f} s "
                f"({rate:.0f} pages/s)."
            )
        )

    @staticmethod
    def find_topic(topic):
        topics = TopicIndexPage.objects.all()
        found = topics.filter(pk=int(topic)) if topic.isdigit() else topics.filter(slug=topic)
        if not found:
            raise CommandError(_("No topic with id or slug %(topic)r.") % {"topic": topic})
        if len(found) > 1:
            raise CommandError(
                _("Several topics have the slug %(topic)r; give the id instead.") % {"topic": topic}
            )
        return found[0]

    @staticmethod
    def generated_so_far(topic, prefix):
        """The largest number among the generated slugs the topic already has."""
        last_slug = (
            topic.get_children()
            .filter(slug__startswith=numbered_slug(prefix, 0)[: len(prefix) + 1])
            .order_by("-slug")
            .values_list("slug", flat=True)
            .first()
        )
        try:
            return number_of_slug(prefix, last_slug) if last_slug else 0
        except ValueError:
            raise CommandError(
                f"The topic has a page with slug {last_slug!r}, which is not a generated one; "
                "choose another --slug-prefix."
            ) from None


def batched(iterable, size):
    """`itertools.batched`, which only Python 3.12 and later have."""
    iterator = iter(iterable)
    while batch := tuple(itertools.islice(iterator, size)):
        yield batch
