"""Writing through API v3 as a client program would: a bearer token, JSON in and out."""

import datetime
import json

from django.utils import timezone
from wagtail.models import APIToken


def token_for(user):
    """A bearer token for `user`, made as the admin's "API tokens" screen makes one."""
    _, plaintext = APIToken.create_token(user=user, name=f"{user.username}'s client")
    return plaintext


def v3_post(client, path, token, body=None, status=None):
    response = client.post(
        f"/api/v3/pages/{path}",
        json.dumps(body if body is not None else {}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    if status is not None:
        assert response.status_code == status, (response.status_code, response.content[:1000])
    return response


def webinar_body(topic, **fields):
    """A webinar draft under `topic`, starting a week from now, for an hour."""
    starts_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    body = {
        "meta": {"type": "partnerships.WebinarPage", "parent_id": topic.pk},
        "title": "Working with community partners",
        "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + datetime.timedelta(hours=1)).isoformat(),
        "registration_url": "https://events.example.org/community-partners",
        "summary": "How three councils share their outreach.",
    }
    body.update(fields)
    return body


def problem_messages(response):
    """The messages of a v3 problem response (application/problem+json)."""
    assert response["Content-Type"] == "application/problem+json", response["Content-Type"]
    problem = response.json()
    return [error["msg"] for error in problem.get("errors") or []] or [problem["detail"]]
