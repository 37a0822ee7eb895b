"""Three topics with 1,000, 10,000 and 100,000 items, made by the plugin's importer.

Populating is resumable, like the importer: a rerun against the same database
only adds what is missing, so a second `make bench` starts measuring at once.
"""

import resource
import subprocess
import sys
import time
from pathlib import Path

from django.core.management import call_command

from home.models import HomePage
from partnerships.models import ListablePage, TopicIndexPage
from partnerships.models.topic import TopicRelatedTopic

SIZES = (1_000, 10_000, 100_000)
ROOT = Path(__file__).resolve().parent.parent


def topic_slug(size):
    return f"bench-{size // 1000}k"


def populate(sizes=SIZES, stream=sys.stdout):
    """Return {size: topic}, and how the imports went: pages/s and peak memory."""
    call_command("migrate", verbosity=0, interactive=False)
    if not HomePage.objects.exists():
        call_command("load_demo", site_url="http://testserver", stdout=stream)
    home = HomePage.objects.get()
    seed_topic = TopicIndexPage.objects.get(slug="partnerships-collaboration")
    topics, imports = {}, {}
    for size in sizes:
        topic = TopicIndexPage.objects.filter(slug=topic_slug(size)).first()
        if topic is None:
            topic = home.add_child(
                instance=TopicIndexPage(title=f"Bench topic, {size:,} items", slug=topic_slug(size))
            )
            topic.save_revision().publish()
        give_every_part(topic, seed_topic)
        missing = size - ListablePage.objects.filter(topic=topic).count()
        if missing > 0:
            imports[size] = import_items(topic, size, missing, stream)
        topics[size] = topic
    return topics, imports


def give_every_part(topic, seed_topic):
    """The seed topic's photo, credit and related topic: a detail costs what a real one does."""
    if topic.hero_image_id and topic.related_topics.exists():
        return
    topic.hero_image = seed_topic.hero_image
    topic.hero_image_creator = seed_topic.hero_image_creator
    topic.hero_image_licence = seed_topic.hero_image_licence
    topic.hero_image_licence_url = seed_topic.hero_image_licence_url
    topic.related_topics.set([TopicRelatedTopic(topic=seed_topic)])
    topic.save_revision().publish()


def import_items(topic, size, missing, stream):
    """Run the importer in its own process, so its peak RSS is its own."""
    stream.write(f"Importing {missing:,} items into {topic.slug} …\n")
    stream.flush()
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [
            sys.executable,
            "manage.py",
            "import_items",
            "--topic",
            str(topic.pk),
            "--count",
            str(size),
            "--batch-size",
            "1000",
        ],
        cwd=ROOT,
        check=True,
    )
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "pages": missing,
        "seconds": round(elapsed, 1),
        "pages_per_second": round(missing / elapsed),
        "peak_rss_mb_of_largest_import_so_far": round(peak_kb / 1024),
    }
