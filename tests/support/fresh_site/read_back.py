"""Run by `manage.py shell` inside a fresh `wagtail start` site that installed the plugin.

Files a topic with a news article and a webinar under the site's home page, then
prints, as JSON, what a reader, an editor and an administrator get back from
every surface the plugin adds, for tests/deployment/test_package.py to check.
"""

import datetime
import json
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from partnerships.conf import partnerships_setting
from partnerships.models import ArticlePage, Partner, Person, TopicIndexPage, WebinarPage

home = Site.objects.get(is_default_site=True).root_page
topic = home.add_child(instance=TopicIndexPage(title="Partnerships", slug="partnerships"))
article = topic.add_child(
    instance=ArticlePage(title="Library news", publish_date=datetime.date(2021, 11, 11))
)
starts_at = timezone.now() + datetime.timedelta(days=7)
webinar = topic.add_child(
    instance=WebinarPage(
        title="Outreach webinar",
        publish_date=datetime.date(2021, 11, 20),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
    )
)
person = Person.objects.create(name="Ada Reader")
partner = Partner.objects.create(name="County Library", website="https://library.example")


def head_of(html):
    return html.partition("</head>")[0]


def answered(response):
    return {"status": response.status_code, "type": response.get("Content-Type", "")}


reader = Client()
topic_page = reader.get(topic.url)
surfaces = {
    "topic": answered(topic_page),
    "article": answered(reader.get(article.url)),
    "webinar": answered(reader.get(webinar.url)),
    "sitemap": answered(reader.get("/sitemap.xml")),
    "robots": answered(reader.get("/robots.txt")),
    "site feed (RSS)": answered(reader.get("/feed.rss")),
    "site feed (Atom)": answered(reader.get("/feed.atom")),
    "site feed (JSON)": answered(reader.get("/feed.json")),
    "topic feed": answered(reader.get(f"{topic.url}feed.rss")),
    "site calendar": answered(reader.get("/webinars.ics")),
    "webinar calendar": answered(reader.get(f"{webinar.url}calendar.ics")),
    "items API": answered(reader.get("/api/v2/items/", HTTP_ACCEPT="application/json")),
    "pages API": answered(reader.get("/api/v2/pages/", {"type": "partnerships.TopicIndexPage"})),
}
search = reader.get("/search/", {"q": "Outreach"})
api = reader.get("/api/v2/items/", {"child_of": topic.pk}, HTTP_ACCEPT="application/json")

# An administrator opens every admin section the plugin adds.
administrator = Client()
administrator.force_login(
    get_user_model().objects.create_superuser("admin", "admin@example.org", "not-a-real-password")
)
admin_sections = {
    "dashboard": reverse("wagtailadmin_home"),
    "people": reverse("wagtailsnippets_partnerships_person:list"),
    "add a person": reverse("wagtailsnippets_partnerships_person:add"),
    "edit a person": reverse("wagtailsnippets_partnerships_person:edit", args=[person.pk]),
    "partners": reverse("wagtailsnippets_partnerships_partner:list"),
    "edit a partner": reverse("wagtailsnippets_partnerships_partner:edit", args=[partner.pk]),
    "webinars": reverse("partnerships_webinarpage_modeladmin_index"),
    "edit the topic": reverse("wagtailadmin_pages:edit", args=[topic.pk]),
    "add an article": reverse(
        "wagtailadmin_pages:add", args=["partnerships", "articlepage", topic.pk]
    ),
    "edit the webinar": reverse("wagtailadmin_pages:edit", args=[webinar.pk]),
    # Where other apps' API v3 tokens are made (wagtail.api.v3 among the apps).
    "API tokens": reverse("wagtailusers_api_tokens:index"),
}
admin = {}
for name, url in admin_sections.items():
    response = administrator.get(url)
    title = re.search(r"<title>(.*?)</title>", response.text, re.S)
    admin[name] = {
        "status": response.status_code,
        "title": " ".join(title.group(1).split()) if title else "",
    }
dashboard = administrator.get(reverse("wagtailadmin_home")).text

# A member of the plugin's own editors' group edits news and people.
editors = Group.objects.get(name=partnerships_setting("EDITOR_GROUP"))
editor = editors.user_set.create(username="editor")
editor_client = Client()
editor_client.force_login(editor)
editor_views = {
    "edit the article": editor_client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).status_code,
    "people": editor_client.get(reverse("wagtailsnippets_partnerships_person:list")).status_code,
}

print(
    json.dumps(
        {
            "surfaces": surfaces,
            "page_html": topic_page.text,
            "page_head": head_of(topic_page.text),
            "search_html": search.text,
            "api_items": [(item["title"], item["kind"]) for item in api.json()["items"]],
            "admin": admin,
            "dashboard_has_upcoming_webinars": "Outreach webinar" in dashboard,
            "editor": editor_views,
            "groups": sorted(Group.objects.values_list("name", flat=True)),
        }
    )
)
