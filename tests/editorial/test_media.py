"""Images and documents: editors upload and choose them; changing someone else's needs a moderator.

Wagtail's ownership policy with the roles' collection permissions: editors hold
"add" and "choose" (so they change only what they uploaded themselves),
moderators "change" as well. An editor's own upload reaches a page only
through the page's review.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail_factories import DocumentFactory, ImageFactory

from partnerships.models import TopicIndexPage
from tests.support.admin_forms import form_values
from tests.support.factories import ArticleFactory
from tests.support.moderation import approve_page, edit_page
from tests.support.readers import api_detail, what_readers_see

pytestmark = pytest.mark.django_db

Image, Document = get_image_model(), get_document_model()
REFUSED = {302, 403}  # Wagtail sends an admin user it refuses to the dashboard, or answers 403


@pytest.fixture
def photo_desk(django_user_model):
    """Whoever uploaded the site's pictures and files: not the editor."""
    return django_user_model.objects.create_user("photo-desk")


@pytest.fixture
def hero(topic, photo_desk):
    image = ImageFactory(
        collection=Collection.get_first_root_node(),
        title="Library garden",
        description="Volunteers planting a garden outside the library.",
        uploaded_by_user=photo_desk,
    )
    topic.hero_image = image
    topic.save_revision().publish()
    return image


@pytest.fixture
def report(topic, photo_desk):
    document = DocumentFactory(
        collection=Collection.get_first_root_node(),
        title="Annual report",
        uploaded_by_user=photo_desk,
    )
    page = ArticleFactory(
        parent=topic,
        title="Our year",
        body=[
            ("paragraph", f'<p>Read <a linktype="document" id="{document.pk}">the report</a>.</p>')
        ],
    )
    page.save_revision().publish()
    return document, page


def png(name, colour):
    """An upload as a browser sends it (Wagtail's test image, read from its start)."""
    return SimpleUploadedFile(name, get_test_image_file(name, colour).file.getvalue())


def hero_as_read(topic, fresh=False):
    """(alt text, image id, file name) of the topic's photo, from its page and the API."""
    seen = what_readers_see(TopicIndexPage.objects.get(pk=topic.pk), fresh=fresh)
    ((alt, src),) = seen.images
    api = seen.api["hero_image"]
    return {"page": (alt, src.rsplit("/", 1)[-1].split(".")[0]), "api": (api["alt"], api["id"])}


def image_form(client, image, **changes):
    """The image's edit form as a moderator's browser posts it."""
    values = form_values(client.get(reverse("wagtailimages:edit", args=(image.pk,))))
    values.update(changes)
    return values


def test_an_editor_cannot_change_an_image_someone_else_uploaded(
    client, editor, topic, hero, photo_desk
):
    before = hero_as_read(topic)
    client.force_login(editor)
    edit = reverse("wagtailimages:edit", args=(hero.pk,))

    assert client.get(edit).status_code in REFUSED
    response = client.post(
        edit,
        {
            "title": "Replaced",
            "description": "Something else entirely.",
            "collection": str(hero.collection_id),
            "file": png("replaced.png", colour="red"),
        },
    )

    assert response.status_code in REFUSED
    image = Image.objects.get(pk=hero.pk)
    assert (image.title, image.description, image.file.name) == (
        "Library garden",
        "Volunteers planting a garden outside the library.",
        hero.file.name,
    )
    assert client.post(reverse("wagtailimages:delete", args=(hero.pk,))).status_code in REFUSED
    assert Image.objects.filter(pk=hero.pk).exists()
    assert hero_as_read(topic, fresh=True) == before


def test_a_moderator_changes_anyones_image_and_readers_see_it(
    client, moderator, topic, hero, committed
):
    hero_as_read(topic)
    client.force_login(moderator)
    values = image_form(client, hero, description="Volunteers and nurses in the garden.")
    with committed():
        response = client.post(reverse("wagtailimages:edit", args=(hero.pk,)), values)

    assert response.status_code == 302
    seen = hero_as_read(topic)
    assert seen["page"][0] == seen["api"][0] == "Volunteers and nurses in the garden."


def test_an_editors_own_upload_reaches_a_page_only_through_its_review(
    client, editor, moderator, topic, hero, committed
):
    before = hero_as_read(topic)
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Story time",
            "description": "Children at story time.",
            "collection": str(hero.collection_id),
            "file": png("story-time.png", colour="blue"),
        },
    )
    assert response.status_code == 302
    upload = Image.objects.get(title="Story time")
    assert upload.uploaded_by_user == editor
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert "Story time" in chooser.text and "Library garden" in chooser.text
    # Their own upload is theirs to correct, before any page shows it.
    values = form_values(client.get(reverse("wagtailimages:edit", args=(upload.pk,))))
    values["description"] = "Children listening at story time."
    assert client.post(reverse("wagtailimages:edit", args=(upload.pk,)), values).status_code == 302

    with committed():
        edit_page(client, topic, slug=topic.slug, hero_image=str(upload.pk))

    assert hero_as_read(topic, fresh=True) == before
    client.force_login(moderator)
    with committed():
        approve_page(client, topic)
    seen = hero_as_read(topic)
    assert seen["page"][0] == seen["api"][0] == "Children listening at story time."
    assert seen["api"][1] == upload.pk


def document_as_read(document, page, fresh=False):
    seen = what_readers_see(page, fresh=fresh)
    (href,) = [href for text, href in seen.links if text == "the report"]
    api = api_detail("documents", document.pk)
    return {"link": href, "title": api["title"], "download": api["meta"]["download_url"]}


def test_an_editor_cannot_change_a_document_someone_else_uploaded(client, editor, report):
    document, page = report
    before = document_as_read(document, page)
    client.force_login(editor)
    edit = reverse("wagtaildocs:edit", args=(document.pk,))

    assert client.get(edit).status_code in REFUSED
    response = client.post(
        edit,
        {
            "title": "Not the report",
            "collection": str(document.collection_id),
            "file": ContentFile(b"Something else.", name="other.txt"),
        },
    )

    assert response.status_code in REFUSED
    stored = Document.objects.get(pk=document.pk)
    assert (stored.title, stored.file.name) == ("Annual report", document.file.name)
    assert document_as_read(document, page, fresh=True) == before


def test_a_moderator_changes_anyones_document_and_readers_see_it(
    client, moderator, report, committed
):
    document, page = report
    document_as_read(document, page)
    client.force_login(moderator)
    edit = reverse("wagtaildocs:edit", args=(document.pk,))
    values = form_values(client.get(edit))
    values["title"] = "Annual report 2025"

    with committed():
        assert client.post(edit, values).status_code == 302
    assert document_as_read(document, page)["title"] == "Annual report 2025"


def test_editors_upload_documents_and_correct_their_own(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Flyer", "file": ContentFile(b"Come to the fair.", name="flyer.txt")},
    )
    assert response.status_code == 302
    flyer = Document.objects.get(title="Flyer")
    assert flyer.uploaded_by_user == editor

    edit = reverse("wagtaildocs:edit", args=(flyer.pk,))
    values = form_values(client.get(edit))
    values["title"] = "Fair flyer"
    assert client.post(edit, values).status_code == 302
    assert Document.objects.get(pk=flyer.pk).title == "Fair flyer"
