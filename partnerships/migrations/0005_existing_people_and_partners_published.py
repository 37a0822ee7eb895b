"""People and partners that existed before review: live, each with a first revision.

0004 added Wagtail's draft-state fields; `live` defaults to True, so existing
rows stay published with their data. Here each gets the revision and the
history entry publishing would have written, so its history starts with the
version readers see and an editor's first draft can be compared with it, or
undone by reverting to it.

Plain ORM calls on the historical models, so it runs the same on SQLite and
PostgreSQL, in batches so a large table does not sit in memory.
"""

from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

BATCH_SIZE = 500


def person_str(person):
    return f"{person.name} ({person.organisation})" if person.organisation else person.name


def partner_str(partner):
    return partner.name


def publish_existing(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    now = timezone.now()
    for model_name, describe in (("person", person_str), ("partner", partner_str)):
        model = apps.get_model("partnerships", model_name)
        content_type, _ = ContentType.objects.get_or_create(
            app_label="partnerships", model=model_name
        )
        unrevised = model.objects.filter(latest_revision__isnull=True).order_by("pk")
        while batch := list(unrevised[:BATCH_SIZE]):
            for obj in batch:
                revision = Revision.objects.create(
                    content_type=content_type,
                    base_content_type=content_type,
                    object_id=str(obj.pk),
                    created_at=now,
                    object_str=describe(obj),
                    content=get_serializable_data_for_fields(obj),
                )
                ModelLogEntry.objects.create(
                    content_type=content_type,
                    object_id=str(obj.pk),
                    label=describe(obj),
                    action="wagtail.publish",
                    timestamp=now,
                    revision=revision,
                    content_changed=True,
                )
                model.objects.filter(pk=obj.pk).update(
                    live=True,
                    has_unpublished_changes=False,
                    latest_revision=revision,
                    live_revision=revision,
                )


def forget_revisions(apps, schema_editor):
    """Going back, 0004's reversal drops the fields; the revisions and history go too."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    content_types = ContentType.objects.filter(
        app_label="partnerships", model__in=["person", "partner"]
    )
    ModelLogEntry.objects.filter(content_type__in=content_types).delete()
    Revision.objects.filter(content_type__in=content_types).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0004_reviewed_people_and_partners"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(publish_existing, forget_revisions)]
