"""Fixtures of the v3 write and action tests: editors' and moderators' tokens, a draft."""

import pytest

from partnerships.models import WebinarPage
from tests.support.v3_writes import token_for, v3_post, webinar_body


@pytest.fixture
def editor_token(editor):
    return token_for(editor)


@pytest.fixture
def moderator_token(moderator):
    return token_for(moderator)


@pytest.fixture
def draft(client, topic, editor_token):
    """A webinar an editor's client created through v3, never published."""
    created = v3_post(client, "", editor_token, webinar_body(topic), status=201).json()
    return WebinarPage.objects.get(pk=created["id"])
