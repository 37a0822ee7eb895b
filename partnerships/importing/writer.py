"""Create many listable pages at once, as complete as the admin makes them.

`Page.add_child()` and `save_revision().publish()` cost a dozen queries per
page (~40 pages/s). This writes a whole batch in a constant number of
statements: one INSERT (on PostgreSQL, one COPY) per table of the page models,
the revisions, the tag links and the search index entries, plus an UPDATE or
two. What it writes is
what the admin writes for a published page: tree fields computed with
treebeard's own path helpers, `url_path`, a revision that is both latest and
live, our derived `topic` and `excerpt`, and the search backend's entries.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import format_html
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from wagtail.models import Page, Revision

from ..internals import child_path, path_step
from ..models import ListablePage, ListablePageTag, listable_page_models
from .search_index import finish_indexing, index_pages
from .tables import copy_table_rows, insert_table_rows, reserve_pks, set_pk

# Imported items count as first published on their publish date, like the seed's.
PUBLISHED_AT = datetime.time(10, 0)


class BatchWriter:
    def __init__(self, topic):
        self.topic = topic
        self.using = router.db_for_write(Page)
        self.models_by_kind = {model.kind: model for model in listable_page_models()}
        self.content_types = ContentType.objects.get_for_models(Page, *self.models_by_kind.values())
        self.tags = {}  # lower-cased name -> Tag, filled as names appear
        self.child_relations = {
            model: [relation.get_accessor_name() for relation in get_all_child_relations(model)]
            for model in self.models_by_kind.values()
        }
        # PostgreSQL reserves primary keys from its sequences, so every row can be
        # written complete with COPY; other databases get INSERTs returning the keys.
        self.copies_rows = connections[self.using].vendor == "postgresql"

    @transaction.atomic
    def write(self, items):
        """Create the pages for `items`, skipping slugs the topic already has.

        Returns how many pages were created. One transaction per batch, so an
        interrupted import leaves whole batches only and can simply be rerun.
        """
        topic = Page.objects.select_for_update().get(pk=self.topic.pk)
        items = self.new_items(topic, items)
        if not items:
            return 0
        self.load_tags({name for item in items for name in item.tags})
        pages = self.build_pages(topic, items)
        if self.copies_rows:
            self.copy_pages(pages, items)
        else:
            self.insert_pages(pages, items)
        self.index_for_search(pages)
        Page.objects.filter(pk=topic.pk).update(numchild=F("numchild") + len(pages))
        return len(pages)

    def finish(self):
        """Work done once per import rather than once per batch."""
        finish_indexing(ListablePage)

    def new_items(self, topic, items):
        # Found by slug, the selective index, and kept to the topic's children
        # here: a filter on the path prefix let the planner, with statistics
        # taken while the topic was small, scan every child's path each batch.
        slugs = {item.slug for item in items}
        taken = {
            slug
            for slug, path in Page.objects.filter(
                slug__in=slugs, depth=topic.depth + 1
            ).values_list("slug", "path")
            if path.startswith(topic.path)
        }
        fresh = []
        for item in items:
            if item.slug not in taken:
                taken.add(item.slug)
                fresh.append(item)
        return fresh

    def load_tags(self, names):
        # Tags are shared site-wide and matched case-insensitively, as the admin
        # does (TAGGIT_CASE_INSENSITIVE); taggit's save() picks a unique slug.
        for name in names:
            key = name.lower()
            if key not in self.tags:
                existing = Tag.objects.filter(name__iexact=name).first()
                self.tags[key] = existing or Tag.objects.create(name=name)

    def build_pages(self, topic, items):
        # A range on the path (rather than a prefix LIKE) can only be answered by
        # the path's btree, read backwards from the end of the topic's subtree:
        # one index entry, however many children the topic has.
        last_child = (
            Page.objects.filter(
                path__range=(
                    topic.path + Page.alphabet[0] * Page.steplen,
                    topic.path + Page.alphabet[-1] * Page.steplen,
                ),
                depth=topic.depth + 1,
            )
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        last_step = path_step(last_child) if last_child else 0
        now = timezone.now()
        pages = []
        for step, item in enumerate(items, start=last_step + 1):
            model = self.models_by_kind[item.kind]
            published_at = datetime.datetime.combine(item.publish_date, PUBLISHED_AT, datetime.UTC)
            page = model(
                title=item.title,
                draft_title=item.title,
                slug=item.slug,
                content_type=self.content_types[model],
                path=child_path(topic, step),
                depth=topic.depth + 1,
                numchild=0,
                url_path=f"{topic.url_path}{item.slug}/",
                locale_id=topic.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published_at,
                last_published_at=published_at,
                latest_revision_created_at=now,
                publish_date=item.publish_date,
                summary=item.summary,
                body=[("paragraph", format_html("<p>{}</p>", text)) for text in item.paragraphs],
                topic_id=topic.pk,
                **item.fields,
            )
            page.excerpt = page.make_excerpt()
            # Child relations held in memory by modelcluster: the revision and the
            # search index read them from here instead of querying for each page.
            for name in self.child_relations[model]:
                setattr(page, name, [])
            # What `page.tags.add()` holds, without its per-tag checks against the
            # tags already held, which cost more than the page itself.
            page.tagged_items = [ListablePageTag(tag=tag) for tag in self.tags_of(item)]
            pages.append(page)
        return pages

    def pages_by_table(self, pages):
        """Each table of the page models, parents first, with the pages that have a row in it."""
        for model in (Page, ListablePage, *self.models_by_kind.values()):
            yield model, [page for page in pages if isinstance(page, model)]

    def copy_pages(self, pages, items):
        """Write the batch with COPY, every row complete the first time (PostgreSQL).

        With the keys reserved beforehand, each page row goes in already pointing
        at its revision: no UPDATE afterwards, which would leave a dead copy of
        every page row and of its dozen index entries behind.
        """
        for page, pk in zip(pages, reserve_pks(Page, len(pages), self.using), strict=True):
            set_pk(page, pk, self.using)
        revisions = self.build_revisions(pages)
        for page, revision, pk in zip(
            pages, revisions, reserve_pks(Revision, len(pages), self.using), strict=True
        ):
            revision.pk = pk
            page.latest_revision_id = page.live_revision_id = pk
        copy_table_rows(Revision, revisions, self.using)
        for model, rows in self.pages_by_table(pages):
            copy_table_rows(model, rows, self.using)
        copy_table_rows(ListablePageTag, self.build_tag_links(pages, items), self.using)

    def insert_pages(self, pages, items):
        """Write the batch with INSERTs that return the new keys (SQLite and others)."""
        for model, rows in self.pages_by_table(pages):
            insert_table_rows(model, rows, self.using)
        ListablePageTag.objects.bulk_create(self.build_tag_links(pages, items))
        Revision.objects.bulk_create(self.build_revisions(pages))
        # One UPDATE points every new page at its revision, latest and live.
        revision = Revision.objects.filter(
            base_content_type=self.content_types[Page],
            object_id=Cast(OuterRef("pk"), CharField()),
        ).values("pk")[:1]
        Page.objects.filter(pk__in=[page.pk for page in pages]).update(
            latest_revision_id=Subquery(revision), live_revision_id=Subquery(revision)
        )

    def build_tag_links(self, pages, items):
        return [
            ListablePageTag(content_object_id=page.pk, tag_id=tag.pk)
            for page, item in zip(pages, items, strict=True)
            for tag in self.tags_of(item)
        ]

    def tags_of(self, item):
        """The item's tags, each once however many spellings of it the item lists."""
        return list(dict.fromkeys(self.tags[name.lower()] for name in item.tags))

    def build_revisions(self, pages):
        """One revision per saved page, holding what `save_revision()` would store.

        Its content is taken before the page points at it, as in `save_revision()`.
        """
        now = timezone.now()
        return [
            Revision(
                content_type=page.content_type,
                base_content_type=self.content_types[Page],
                object_id=str(page.pk),
                created_at=now,
                content=page.serializable_data(),
                object_str=str(page),
            )
            for page in pages
        ]

    def index_for_search(self, pages):
        for model in self.models_by_kind.values():
            of_model = [page for page in pages if type(page) is model]
            if of_model:
                index_pages(model, of_model)
