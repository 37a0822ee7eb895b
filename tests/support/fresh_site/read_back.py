"""Run by `manage.py shell` inside a fresh `wagtail start` site that installed the plugin.

Files a topic with a news article and a webinar under the site's home page, then
prints what a reader gets back, as JSON, for tests/deployment/test_package.py to check.
"""

import datetime
import json

from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from partnerships.models import ArticlePage, TopicIndexPage, WebinarPage

home = Site.objects.get(is_default_site=True).root_page
topic = home.add_child(instance=TopicIndexPage(title="Partnerships", slug="partnerships"))
topic.add_child(
    instance=ArticlePage(title="Library news", publish_date=datetime.date(2021, 11, 11))
)
starts_at = timezone.now() + datetime.timedelta(days=7)
topic.add_child(
    instance=WebinarPage(
        title="Outreach webinar",
        publish_date=datetime.date(2021, 11, 20),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
    )
)

client = Client()
page = client.get(topic.url)
api = client.get("/api/v2/items/", {"child_of": topic.pk}, HTTP_ACCEPT="application/json")
print(
    json.dumps(
        {
            "page_status": page.status_code,
            "page_html": page.text,
            "api_status": api.status_code,
            "api_items": [(item["title"], item["kind"]) for item in api.json()["items"]],
        }
    )
)
