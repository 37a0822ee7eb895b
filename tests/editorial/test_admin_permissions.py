"""An editor who may edit one section gets 403 everywhere in another."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.support.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(home, topic):
    other = TopicFactory(parent=home, title="Community engagement", slug="community-engagement")
    mine = ArticleFactory(parent=topic, title="Mine")
    theirs = ArticleFactory(parent=other, title="Theirs", live=False)
    for page in (mine, theirs):
        page.save_revision()
        page.title += " (second draft)"
        page.save_revision()
    return mine, theirs


@pytest.fixture
def section_editor(client, topic):
    group = Group.objects.create(name="Partnerships section")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=topic, permission=Permission.objects.get(codename=codename)
        )
    user = User.objects.create_user("section-editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    return user


def other_section_urls(page):
    first, second = page.revisions.order_by("created_at")[:2]
    return {
        "edit": f"/admin/pages/{page.pk}/edit/",
        "preview": f"/admin/pages/{page.pk}/edit/preview/",
        "revision compare": f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/",
        "revision view": f"/admin/pages/{page.pk}/revisions/{first.pk}/view/",
        "history": f"/admin/pages/{page.pk}/history/",
        "copy": f"/admin/pages/{page.pk}/copy/",
    }


@pytest.mark.parametrize(
    "view", ["edit", "preview", "revision compare", "revision view", "history", "copy"]
)
def test_an_editor_gets_403_on_another_sections_pages(client, sections, section_editor, view):
    _, theirs = sections
    response = client.get(other_section_urls(theirs)[view])

    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:  # Wagtail sends unauthorised admin users home
        assert "/admin/" in response["Location"] and str(theirs.pk) not in response["Location"]
    assert b"Theirs" not in response.content


def test_the_same_editor_can_use_those_views_in_their_own_section(client, sections, section_editor):
    mine, _ = sections
    for view, url in other_section_urls(mine).items():
        if view == "copy":
            continue  # copying needs permission on the destination too
        assert client.get(url).status_code == 200, view


def article_form(**fields):
    """The article edit form as the admin's browser would post it."""
    return nested_form_data(
        {
            "title": "",
            "slug": "",
            "publish_date": "2021-11-11",
            "summary": "",
            "tags": "",
            "body": streamfield([]),
            "authors": inline_formset([]),
            "partners": inline_formset([]),
            **fields,
        }
    )


def test_a_crafted_publish_post_cannot_publish_without_publish_permission(
    client, topic, sections, section_editor
):
    mine, _ = sections
    edit_url = f"/admin/pages/{mine.pk}/edit/"
    data = article_form(title="Crafted", slug=mine.slug, **{"action-publish": "publish"})

    response = client.post(edit_url, data)

    mine.refresh_from_db()
    assert response.status_code == 302, "the form was valid: it saved a draft"
    assert mine.get_latest_revision_as_object().title == "Crafted"
    assert mine.title != "Crafted", "but the live page did not change"
    assert "Crafted" not in client.get(topic.url).content.decode()
