"""Another program writing through API v3 during the load: an events platform pushing webinars.

It holds an editor's bearer token (group "Partnership editors"), creates a
webinar draft under the topic through HAProxy every couple of seconds, and
submits every other one for review. A write is confirmed when the API answers
201 (or 200 for the submit); afterwards each confirmed draft must be on the
primary with its title, and each confirmed submission must have started a
workflow: otherwise it is a lost write.
"""

import datetime
import time

import requests

from .traffic import Answer, is_clean_503

PAUSE_SECONDS = 2.0

# Run in the fleet's manage.py shell: an editor who is no superuser, and their token.
CREATE_API_CLIENT = (
    "from django.contrib.auth import get_user_model; "
    "from django.contrib.auth.models import Group; "
    "from django.core.management import call_command; "
    "from wagtail.models import APIToken; "
    "call_command('set_up_editorial_roles', verbosity=0); "
    "user = get_user_model().objects.create_user('fleet-events-platform'); "
    "user.groups.add(Group.objects.get(name='Partnership editors')); "
    "print(APIToken.create_token(user=user, name='Events platform')[1])"
)


class V3Writer:
    def __init__(self, base, token, topic_id, tally):
        self.base, self.topic_id, self.tally = base, topic_id, tally
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.created = {}  # page id -> title, confirmed by a 201
        self.submitted = []  # page ids whose submit was confirmed
        self.tried = 0

    def run(self, stop):
        while not stop.is_set():
            self.tried += 1
            page_id = self.create(f"Fleet webinar {self.tried}")
            if page_id is not None and self.tried % 2 == 0 and self.submit(page_id):
                self.submitted.append(page_id)
            stop.wait(PAUSE_SECONDS)

    def create(self, title):
        starts_at = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        starts_at += datetime.timedelta(days=7)
        body = {
            "meta": {"type": "partnerships.WebinarPage", "parent_id": self.topic_id},
            "title": title,
            "starts_at": starts_at.isoformat(),
            "ends_at": (starts_at + datetime.timedelta(hours=1)).isoformat(),
            "registration_url": "https://events.example.org/fleet",
            "summary": "Pushed by the events platform during the fleet run.",
        }
        response = self.post("/api/v3/pages/", body)
        if response is not None and response.status_code == 201:
            page_id = response.json()["id"]
            self.created[page_id] = title
            return page_id
        return None

    def submit(self, page_id):
        response = self.post(f"/api/v3/pages/{page_id}/actions/submit/", {})
        return response is not None and response.status_code == 200

    def post(self, path, body):
        asked = time.monotonic()
        try:
            response = self.session.post(self.base + path, json=body, timeout=15)
        except requests.RequestException:
            self.tally.add(Answer("v3 writer", path, asked, time.monotonic(), "connection error"))
            return None
        answer = Answer(
            "v3 writer", path, asked, time.monotonic(), response.status_code, is_clean_503(response)
        )
        self.tally.add(answer)
        return response

    def lost_writes(self, primary):
        """Confirmed drafts the primary lacks (or holds under another title), and
        confirmed submissions with no workflow started."""
        lost = []
        for page_id, title in self.created.items():
            query = "SELECT title, live FROM wagtailcore_page WHERE id = %s"
            rows = primary.sql(query, [page_id], database="fleet")
            if not rows or rows[0][0] != title or rows[0][1]:
                lost.append(page_id)  # missing, renamed, or live without a moderator
        for page_id in self.submitted:
            started = primary.sql(
                "SELECT count(*) FROM wagtailcore_workflowstate WHERE object_id = %s",
                [str(page_id)],
                database="fleet",
            )[0][0]
            if not started:
                lost.append(page_id)
        return {
            "tried": self.tried,
            "drafts_confirmed": len(self.created),
            "submissions_confirmed": len(self.submitted),
            "lost": len(lost),
            "lost_ids": lost[:10],
        }
