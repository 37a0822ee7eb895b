"""Script payloads typed by editors come out inert: in pages, the API and the admin."""

import io
import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from partnerships.models import TopicIndexPage
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db
PAYLOAD = '<script>alert("x")</script>'
ATTRIBUTE_PAYLOAD = '" onmouseover="alert(1)'


def assert_inert(html):
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert 'alert("x")' not in script.text, "an editor's script became a <script>"
    for element in soup.find_all(True):
        assert "onmouseover" not in element.attrs, f"an event handler got into <{element.name}>"
        for attribute in ("href", "src"):
            assert not str(element.get(attribute, "")).lower().startswith("javascript:")


@pytest.fixture
def hostile_article(topic):
    image = wagtail_factories.ImageFactory(title=PAYLOAD, description=ATTRIBUTE_PAYLOAD)
    topic.hero_image = image
    topic.hero_image_creator = PAYLOAD
    topic.hero_image_licence = PAYLOAD
    topic.intro = f"<p>{PAYLOAD}</p>"
    topic.save_revision().publish()
    article = ArticleFactory(
        parent=topic,
        title=PAYLOAD,
        summary=PAYLOAD,
        listing_image=image,
        body=json.dumps(
            [
                {"type": "heading", "value": PAYLOAD},
                {
                    "type": "paragraph",
                    "value": f'<p>{PAYLOAD}<a href="javascript:alert(1)">click</a></p>',
                },
                {"type": "quote", "value": {"text": PAYLOAD, "attribution": PAYLOAD}},
                {
                    "type": "image",
                    "value": {
                        "image": image.pk,
                        "alt_text": ATTRIBUTE_PAYLOAD,
                        "decorative": False,
                    },
                },
            ]
        ),
    )
    article.tags.add(PAYLOAD)
    article.save_revision().publish()
    return article


def test_public_pages_escape_editor_payloads(client, topic, hostile_article):
    for url in (topic.url, hostile_article.url, "/", f"{topic.url}?tag=%3Cscript%3E"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())


def test_rich_text_saved_outside_the_editor_is_cleaned_but_keeps_internal_links(topic):
    article = ArticleFactory(
        parent=topic,
        body=[
            ("paragraph", f'<p onclick="x">{PAYLOAD}<a linktype="page" id="{topic.pk}">t</a></p>')
        ],
    )
    topic.intro = '<p><a href="javascript:alert(1)">x</a><script>alert("x")</script></p>'
    topic.save()

    stored = article.body[0].value.source
    assert "<script" not in stored and "onclick" not in stored
    assert f'<a id="{topic.pk}" linktype="page">t</a>' in stored
    assert "javascript:" not in topic.intro and "<script" not in topic.intro


def test_api_returns_payloads_as_data_with_dangerous_links_removed(client, hostile_article):
    data = client.get(f"/api/v2/pages/{hostile_article.pk}/", HTTP_ACCEPT="application/json").json()

    assert data["title"] == PAYLOAD  # JSON carries text; escaping is the consumer's job
    paragraph = next(block for block in data["body"] if block["type"] == "paragraph")
    assert "javascript:" not in paragraph["value"]


def test_the_admins_revision_compare_escapes_payloads(client, hostile_article):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    first = hostile_article.revisions.order_by("created_at").first()
    hostile_article.title = PAYLOAD + "2"
    newer = hostile_article.save_revision()

    response = client.get(
        f"/admin/pages/{hostile_article.pk}/revisions/compare/{first.pk}...{newer.pk}/"
    )
    assert response.status_code == 200
    assert_inert(response.content.decode())


def png_bytes(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_decompression_bomb_image_gets_a_form_error(client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    client.force_login(User.objects.create_superuser("admin", password="x"))

    response = client.post(
        "/admin/images/add/",
        {"title": "Bomb", "file": SimpleUploadedFile("bomb.png", png_bytes(100, 100))},
    )
    assert response.status_code == 200
    assert "pixels" in response.content.decode().lower()
    from wagtail.images.models import Image

    assert not Image.objects.filter(title="Bomb").exists()


def test_svg_uploads_are_refused(client):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    response = client.post(
        "/admin/images/add/", {"title": "Vector", "file": SimpleUploadedFile("v.svg", svg)}
    )
    assert response.status_code == 200
    from wagtail.images.models import Image

    assert not Image.objects.filter(title="Vector").exists()


def test_upload_limits_are_set(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_credit_line_is_plain_text(topic):
    topic.hero_image_creator = PAYLOAD
    assert TopicIndexPage.credit_line.fget(topic) == f"Photo: {PAYLOAD}"


def test_feeds_carry_payloads_as_escaped_text(client, topic, hostile_article):
    for url in (f"{topic.url}feed.rss", f"{topic.url}feed.atom", "/feed.rss"):
        body = client.get(url).content.decode()
        assert "<script>" not in body, url
        assert "&lt;script&gt;" in body, url
    feed = client.get(f"{topic.url}feed.json").json()
    assert feed["items"][0]["title"] == PAYLOAD  # JSON carries text, not markup
