"""What the fleet is asked: anonymous readers through the load balancer, and an editor.

Every response is recorded with when it was asked and answered, so the faults
can be judged afterwards by the windows they opened, and the readers' view of
the watched article can be checked against what the editor had published.
"""

import dataclasses
import json
import re
import threading
import time

import requests

# Readers: HTML pages, the items API, a page detail, feeds and a calendar.
READ_URLS = [
    "/",
    "/partnerships-collaboration/",
    "/partnerships-collaboration/?kind=news",
    "/api/v2/items/?child_of={topic}",
    "/api/v2/items/?kind=webinar",
    "/api/v2/pages/{topic}/",
    "/partnerships-collaboration/feed.rss",
    "/feed.json",
    "/partnerships-collaboration/webinars.ics",
]
# The listing that shows the editor's article (or not): every reader response to
# it is checked against what the editor had published when it was asked.
WATCHED_URL = "/api/v2/items/?child_of={topic}&limit=100"

# API v3's items join every reader's mix; benchmarks/fleet/api_client.py writes through v3.
V3_READ_URLS = ["/api/v3/items/?child_of={topic}", "/api/v3/items/?kind=webinar"]

ABSENT = "(not listed)"
UNKNOWN = object()


@dataclasses.dataclass
class Answer:
    who: str
    url: str
    asked: float
    answered: float
    status: object  # an HTTP status, or "connection error"
    clean_503: bool = False
    seen: object = UNKNOWN  # the watched article's title as this answer showed it


def is_clean_503(response):
    """The site's own 503 page or JSON, with Retry-After: what a database outage should give."""
    return (
        response.status_code == 503
        and "Retry-After" in response.headers
        and "briefly unavailable" in response.text.lower()
        and "Traceback" not in response.text
    )


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.answers = []

    def add(self, answer):
        with self.lock:
            self.answers.append(answer)

    def get(self, session, who, url, **kwargs):
        asked = time.monotonic()
        try:
            response = session.get(url, timeout=15, **kwargs)
        except requests.RequestException:
            self.add(Answer(who, url, asked, time.monotonic(), "connection error"))
            return None
        self.add(
            Answer(who, url, asked, time.monotonic(), response.status_code, is_clean_503(response))
        )
        return response


def watched_title(body, article_id):
    items = json.loads(body)["items"]
    return next((item["title"] for item in items if item["id"] == article_id), ABSENT)


def reader(base, urls, watched, article_id, stop, tally, who, conditional):
    """Reads round the list until told to stop; `conditional` ones revalidate with ETags."""
    session = requests.Session()
    etags, seen = {}, {}
    mix = [*urls, watched]
    number = hash(who) % len(mix)
    while not stop.is_set():
        url = mix[number % len(mix)]
        number += 1
        headers = {"Accept": "application/json, text/html;q=0.9"}
        if conditional and url in etags:
            headers["If-None-Match"] = etags[url]
        asked = time.monotonic()
        try:
            response = session.get(base + url, headers=headers, timeout=15)
        except requests.RequestException:
            tally.add(Answer(who, url, asked, time.monotonic(), "connection error"))
            continue
        answer = Answer(who, url, asked, time.monotonic(), response.status_code)
        answer.clean_503 = is_clean_503(response)
        if response.status_code == 200:
            etags[url] = response.headers.get("ETag")
            if url == watched:
                seen[url] = watched_title(response.content, article_id)
        if url == watched and response.status_code in (200, 304):
            answer.seen = seen.get(url, UNKNOWN)  # a 304 confirms what the reader holds
        tally.add(answer)


def start_readers(count, base, urls, watched, article_id, stop, tally, conditional_every=3):
    threads = [
        threading.Thread(
            target=reader,
            args=(
                base,
                urls,
                watched,
                article_id,
                stop,
                tally,
                f"reader-{n}",
                n % conditional_every == 0,
            ),
            daemon=True,
        )
        for n in range(count)
    ]
    for thread in threads:
        thread.start()
    return threads


class AdminSession:
    """An editor signed in to one app server's admin, as a browser behind TLS would be.

    The cookies are Secure, so they are carried by hand over plain HTTP, and the
    proxy headers tell Django the request came over HTTPS.
    """

    def __init__(self, base, username, password, tally, who="editor"):
        self.base, self.tally, self.who = base, tally, who
        self.session = requests.Session()
        self.cookies = {}
        port = base.rsplit(":", 1)[1]
        self.headers = {"X-Forwarded-Proto": "https", "Referer": f"https://127.0.0.1:{port}/admin/"}
        login = self.request("get", "/admin/login/")
        self.request(
            "post", "/admin/login/", data={"csrfmiddlewaretoken": csrf_token(login.text),
                                           "username": username, "password": password},
        )  # fmt: skip
        if "sessionid" not in self.cookies:
            raise RuntimeError("the editor could not sign in")

    def request(self, method, path, **kwargs):
        asked = time.monotonic()
        try:
            response = self.session.request(
                method, self.base + path, headers=self.headers, cookies=self.cookies,
                allow_redirects=False, timeout=30, **kwargs,
            )  # fmt: skip
        except requests.RequestException:
            self.tally.add(Answer(self.who, path, asked, time.monotonic(), "connection error"))
            return None
        self.tally.add(
            Answer(
                self.who,
                path,
                asked,
                time.monotonic(),
                response.status_code,
                is_clean_503(response),
            )
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def submit(self, path, changes, whole_form_of=None):
        """GET a form and POST it back changed; True when the admin redirects (it saved).

        `whole_form_of` names a field of a form to send back whole (an edit
        form); without it only the CSRF token goes back (a confirmation).
        """
        from tests.support.admin_forms import form_values  # the same form filler as the tests

        form = self.request("get", path)
        if form is None or form.status_code != 200:
            return False
        values = form_values(form, whole_form_of) if whole_form_of else {}
        values["csrfmiddlewaretoken"] = csrf_token(form.text)
        saved = self.request("post", path, data={**values, **changes})
        return saved is not None and saved.status_code == 302


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@dataclasses.dataclass
class Action:
    kind: str  # "publish" or "unpublish"
    title: object  # the title it makes listed, or ABSENT
    started: float
    succeeded: float | None = None
    visible_on_other_node_after: float | None = None


class Editor:
    """Publishes and unpublishes one article through server A's admin, and watches B."""

    def __init__(self, admin, other_base, topic_id, article_id, tally):
        self.admin, self.other_base = admin, other_base
        self.topic_id, self.article_id, self.tally = topic_id, article_id, tally
        self.actions = []
        self.poller = requests.Session()
        self.busy, self.paused = threading.Lock(), False

    def publish(self, title):
        return self.act("publish", title, f"/admin/pages/{self.article_id}/edit/",
                        {"title": title, "action-publish": "action-publish"}, "title")  # fmt: skip

    def unpublish(self):
        return self.act("unpublish", ABSENT, f"/admin/pages/{self.article_id}/unpublish/", {})

    def act(self, kind, title, path, changes, whole_form_of=None):
        action = Action(kind, title, time.monotonic())
        self.actions.append(action)
        if self.admin.submit(path, changes, whole_form_of):
            action.succeeded = time.monotonic()
            action.visible_on_other_node_after = self.wait_on_other_node(title, action.succeeded)
        return action

    def wait_on_other_node(self, title, since, seconds=30):
        url = f"{self.other_base}{WATCHED_URL.format(topic=self.topic_id)}"
        while time.monotonic() - since < seconds:
            response = self.tally.get(self.poller, "poller", url)
            if response is not None and response.status_code == 200:
                if watched_title(response.content, self.article_id) == title:
                    return time.monotonic() - since
            time.sleep(0.02)
        return None

    def run(self, stop, every=1.0):
        number = 0
        while not stop.is_set():
            with self.busy:
                if not self.paused:
                    number += 1
                    if number % 2:
                        self.publish(f"Build on Strengths, fleet revision {number}")
                    else:
                        self.unpublish()
            stop.wait(every if not self.paused else 0.05)

    def pause(self):
        """Once the action under way (and its wait on B) is over, until resume()."""
        with self.busy:
            self.paused = True

    def resume(self):
        self.paused = False
