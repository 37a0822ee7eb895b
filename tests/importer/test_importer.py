"""`manage.py import_items`: bulk pages as complete as the admin makes them."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from partnerships.models import (
    ArticlePage,
    ContentVersion,
    ListablePage,
    WebinarPage,
)
from tests.support.api import get_json

pytestmark = pytest.mark.django_db


def import_items(**options):
    out = io.StringIO()
    call_command("import_items", no_progress=True, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_imports_a_mix_of_kinds_as_live_pages_under_the_topic(topic):
    import_items(topic=str(topic.pk), count=40, batch_size=15)

    items = ListablePage.objects.filter(topic=topic)
    assert items.count() == 40
    assert ArticlePage.objects.exists() and WebinarPage.objects.exists()
    assert items.filter(live=True, has_unpublished_changes=False).count() == 40
    assert len(set(items.values_list("publish_date", flat=True))) > 10
    topic.refresh_from_db()
    assert topic.numchild == 40


def test_tree_fields_are_those_treebeard_would_write(topic):
    import_items(topic=str(topic.pk), count=25, batch_size=10)

    assert all(not problems for problems in Page.find_problems())
    out = io.StringIO()
    call_command("fixtree", stdout=out)
    assert out.getvalue().count("No problems found") == 2  # pages and collections
    topic.refresh_from_db()
    for page in topic.get_children():
        assert page.url_path == f"{topic.url_path}{page.slug}/"
        assert page.get_parent().pk == topic.pk


def test_each_page_has_a_revision_that_is_latest_and_live(topic):
    import_items(topic=str(topic.pk), count=12, batch_size=5)

    for page in ListablePage.objects.filter(topic=topic).specific():
        assert page.latest_revision_id == page.live_revision_id is not None
        revision = Revision.objects.get(pk=page.latest_revision_id)
        assert revision.object_id == str(page.pk)
        restored = revision.as_object()
        assert (restored.title, restored.publish_date) == (page.title, page.publish_date)
        assert list(restored.tags.all()) == list(page.tags.all())


def test_revisions_hold_their_own_page_after_a_multi_batch_import(topic):
    import_items(topic=str(topic.pk), count=30, batch_size=7)

    pages = ListablePage.objects.filter(topic=topic).specific().prefetch_related("tags")
    assert len(pages) == 30
    for page in pages:
        revision = Revision.objects.get(pk=page.latest_revision_id)
        assert page.live_revision_id == revision.pk
        assert revision.object_id == str(page.pk)
        # What serializable_data() gives for the page, taken (as save_revision()
        # takes it) before the page pointed at the revision.
        expected = as_json(page.serializable_data())
        expected.update(latest_revision=None, live_revision=None)
        content = dict(revision.content)
        assert sorted(item["tag"] for item in content.pop("tagged_items")) == sorted(
            item["tag"] for item in expected.pop("tagged_items")
        )
        # The body is JSON text inside the JSON; PostgreSQL's jsonb reorders its keys.
        assert json.loads(content.pop("body")) == json.loads(expected.pop("body"))
        assert content == expected


def as_json(data):
    """`data` as a revision stores it: through the JSON encoder Django's JSONField uses."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def test_a_tag_listed_twice_in_different_case_is_linked_once(tmp_path, topic):
    path = tmp_path / "items.json"
    record = {"kind": "news", "title": "T", "publish_date": "2024-01-01"}
    path.write_text(json.dumps([{**record, "tags": ["Museums", "museums", "rural"]}]))
    import_items(topic=str(topic.pk), file=str(path))

    page = ArticlePage.objects.get(slug="t")
    assert sorted(name.lower() for name in page.tags.names()) == ["museums", "rural"]
    tags = Revision.objects.get(pk=page.latest_revision_id).content["tagged_items"]
    assert len(tags) == 2


def test_derived_fields_are_set_as_save_sets_them(topic):
    import_items(topic=str(topic.pk), count=20)

    for page in ListablePage.objects.filter(topic=topic).specific():
        assert page.topic_id == topic.pk
        assert page.excerpt == page.make_excerpt() != ""


def test_imported_items_are_in_the_search_index_and_the_api(client, topic):
    import_items(topic=str(topic.pk), count=20)

    assert IndexEntry.objects.count() >= 20
    assert ListablePage.objects.live().search("libraries").count() > 0
    data = get_json(client, "/api/v2/items/", {"child_of": topic.pk, "limit": 100})
    assert len(data["items"]) == 20


def test_a_rerun_continues_where_the_last_run_stopped(topic):
    import_items(topic=str(topic.pk), count=10, batch_size=4)
    import_items(topic=str(topic.pk), count=25, batch_size=4)
    import_items(topic=str(topic.pk), count=25)

    topic.refresh_from_db()
    slugs = sorted(topic.get_children().values_list("slug", flat=True))
    assert slugs == [f"item-{n:07d}" for n in range(1, 26)]


def test_imports_are_announced_through_the_content_version(
    topic, django_capture_on_commit_callbacks
):
    before = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        import_items(topic=str(topic.pk), count=3)
    assert ContentVersion.current() > before


def test_imports_a_json_file_and_skips_what_the_topic_already_has(tmp_path, topic):
    records = [
        {
            "kind": "news",
            "title": "Libraries and museums share a van",
            "publish_date": "2024-05-01",
            "body": "First paragraph.\n\nSecond paragraph.",
            "tags": ["Museums", "outreach"],
        },
        {
            "kind": "webinar",
            "title": "Grant writing together",
            "slug": "grant-writing",
            "publish_date": "2024-06-01",
            "summary": "How partners write one application.",
            "starts_at": "2024-06-12T15:00:00-04:00",
            "ends_at": "2024-06-12T16:00:00-04:00",
            "registration_url": "https://example.org/register",
        },
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(records))

    import_items(topic=topic.slug, file=str(path))
    import_items(topic=topic.slug, file=str(path))

    news = ArticlePage.objects.get(slug="libraries-and-museums-share-a-van")
    assert news.excerpt == "First paragraph. Second paragraph."
    assert sorted(news.tags.names()) == ["Museums", "outreach"]
    webinar = WebinarPage.objects.get(slug="grant-writing")
    assert webinar.excerpt == "How partners write one application."
    assert webinar.registration_url == "https://example.org/register"
    assert ListablePage.objects.filter(topic=topic).count() == 2


def test_imports_a_csv_file(tmp_path, topic):
    path = tmp_path / "items.csv"
    path.write_text(
        "kind,title,publish_date,summary,body,tags\n"
        "news,Bookmobile visits farms,2023-03-04,,Librarians drove out.,rural;outreach\n"
    )
    import_items(topic=str(topic.pk), file=str(path))

    page = ArticlePage.objects.get(slug="bookmobile-visits-farms")
    assert page.excerpt == "Librarians drove out."
    assert sorted(page.tags.names()) == ["outreach", "rural"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"topic": "999999", "count": 5}, "No topic with id or slug"),
        ({"topic": "no-such-topic", "count": 5}, "No topic with id or slug"),
        ({"count": -1}, "--count cannot be negative"),
        ({"count": 5, "batch_size": 0}, "--batch-size must be between"),
        ({"file": "/nonexistent/items.csv"}, "no such file"),
    ],
)
def test_bad_arguments_are_explained_not_a_traceback(topic, options, message):
    options = {"topic": str(topic.pk), **options}
    with pytest.raises(CommandError, match=message):
        import_items(**options)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"kind": "newsletter", "title": "T", "publish_date": "2024-01-01"}, "kind must be one of"),
        ({"kind": "news", "title": "", "publish_date": "2024-01-01"}, "title is required"),
        ({"kind": "news", "title": "T", "publish_date": "yesterday"}, "record 1"),
        ({"kind": "news", "title": "T", "publish_date": "2024-01-01", "colour": "red"}, "unknown"),
        (
            {
                "kind": "webinar",
                "title": "T",
                "publish_date": "2024-01-01",
                "starts_at": "2024-01-02T15:00:00",
                "ends_at": "2024-01-02T16:00:00",
            },
            "time zone offset",
        ),
    ],
)
def test_a_bad_record_names_its_number_and_the_problem(tmp_path, topic, record, message):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([record]))
    with pytest.raises(CommandError, match=message):
        import_items(topic=str(topic.pk), file=str(path))
    assert not ListablePage.objects.exists()


WEBINAR = {
    "kind": "webinar",
    "publish_date": "2024-01-01",
    "starts_at": "2024-01-02T15:00:00-05:00",
    "ends_at": "2024-01-02T16:00:00-05:00",
}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            {"registration_url": "javascript:alert(document.domain)"},
            r"record 3: registration_url: “javascript:” links run code",
        ),
        ({"recording_url": "data:text/html,x"}, r"record 3: recording_url: “data:” links"),
        ({"title": "Line\x0bbreak"}, r"record 3: title: Remove the invisible character U\+000B"),
        ({"title": "Two\nlines"}, r"record 3: title: Keep this on one line"),
        ({"summary": "Bell\x07"}, r"record 3: summary: Remove the invisible character U\+0007"),
        ({"summary": "long " * 60}, r"record 3: summary: Keep the summary to 250 characters"),
        ({"tags": ["ok", "Esc\x1b"]}, r"record 3: tags: Remove the invisible character"),
    ],
)
def test_a_record_the_admin_would_refuse_is_refused_and_nothing_of_its_batch_written(
    tmp_path, topic, bad, message
):
    good = [WEBINAR | {"title": f"Good {n}"} for n in (1, 2)]
    path = tmp_path / "items.json"
    path.write_text(json.dumps([*good, WEBINAR | {"title": "Bad"} | bad]))

    with pytest.raises(CommandError, match=message):
        import_items(topic=str(topic.pk), file=str(path))

    assert not ListablePage.objects.exists()


def test_a_file_that_is_not_utf8_is_explained(tmp_path, topic):
    path = tmp_path / "items.csv"
    path.write_bytes(b"kind,title,publish_date\nnews,Caf\xe9,2024-01-01\n")
    with pytest.raises(CommandError, match="cannot read it"):
        import_items(topic=str(topic.pk), file=str(path))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL search index")
def test_bulk_index_entries_equal_those_wagtails_backend_writes(topic):
    IndexEntry.objects.all().delete()  # the home and topic pages' own entries
    # Several batches of pages with zero to three tags and with or without a
    # summary: entries with fewer texts than the batch's longest come out equal too.
    import_items(topic=str(topic.pk), count=40, batch_size=15)
    columns = ("title::text", "body::text", "autocomplete::text", "title_text", "body_text")

    def entries():
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT object_id, {', '.join(columns)} FROM wagtailsearch_indexentry "  # noqa: S608
                "ORDER BY object_id"
            )
            return cursor.fetchall()

    ours = entries()
    IndexEntry.objects.all().delete()
    for model in (ArticlePage, WebinarPage):
        get_search_backend().add_bulk(model, list(model.objects.filter(topic=topic)))
    assert entries() == ours
