"""Load the seed page, “Partnerships & collaboration”, and what it links to.

Idempotent: it creates whatever is missing and leaves everything that exists
alone, so running it again never overwrites an editor's changes.
"""

import datetime
import secrets
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.images.models import Image
from wagtail.models import Page, Site

from home.demo_content import (
    ACCESSIBILITY_PAGE,
    COMMUNITY_TOPIC,
    HOME_SEARCH_DESCRIPTION,
    ITEMS,
    PARTNERSHIPS_TOPIC,
)
from home.demo_photo import library_photo
from home.models import HomePage, StandardPage
from partnerships.editorial.roles import set_up_editorial_roles
from partnerships.models import ArticlePage, TopicIndexPage, TopicRelatedTopic, WebinarPage

HERO_IMAGE_TITLE = "Partnerships & collaboration: a reading room"
WEBINAR_START = datetime.time(15, 0)
WEBINAR_LENGTH = datetime.timedelta(hours=1)


class Command(BaseCommand):
    help = "Load the demo content: the “Partnerships & collaboration” topic and its items."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the site is served; the default Site is set to this host and port.",
        )
        parser.add_argument(
            "--create-admin",
            action="store_true",
            help="Create a superuser 'admin', an 'editor' and a 'moderator', "
            "each with a random password (printed once).",
        )

    @transaction.atomic
    def handle(self, *args, site_url, create_admin, **options):
        home = self.home_page(site_url)
        partnerships = self.topic(home, PARTNERSHIPS_TOPIC, hero_image=self.hero_image())
        community = self.topic(home, COMMUNITY_TOPIC)
        if not partnerships.related_topics.exists():
            TopicRelatedTopic.objects.create(page=partnerships, topic=community, sort_order=0)
        for item in ITEMS:
            self.item(partnerships, item)
        self.standard_page(home, ACCESSIBILITY_PAGE)
        roles = set_up_editorial_roles(home)
        for note in roles.notes:
            self.stdout.write(note)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready at {partnerships.full_url}"))
        if create_admin:
            self.admin_user()
            self.editorial_user("editor", roles.editors)
            self.editorial_user("moderator", roles.moderators)

    def home_page(self, site_url):
        parts = urlsplit(site_url)
        if not parts.hostname:
            raise CommandError(f"--site-url must be an absolute URL, not {site_url!r}.")
        port = parts.port or (443 if parts.scheme == "https" else 80)

        home = HomePage.objects.first()
        if home is None:
            self.remove_wagtail_welcome_page()
            home = Page.get_first_root_node().add_child(
                instance=HomePage(
                    title="Library partnerships",
                    slug="home",
                    intro="<p>News and webinars for libraries that work with their "
                    "communities, gathered by topic.</p>",
                    search_description=HOME_SEARCH_DESCRIPTION,
                )
            )
            home.save_revision().publish()

        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page = parts.hostname, port, home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        return home

    @staticmethod
    def remove_wagtail_welcome_page():
        """Wagtail's install creates a placeholder home page; ours replaces it."""
        for page in Page.get_first_root_node().get_children():
            if page.specific_class is Page and not page.get_children().exists():
                page.delete()

    def topic(self, home, data, hero_image=None):
        topic = TopicIndexPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if topic is None:
            topic = home.add_child(
                instance=TopicIndexPage(hero_image=hero_image, show_in_menus=True, **data)
            )
            topic.save_revision().publish()
        return topic

    def item(self, topic, data):
        if topic.get_children().filter(slug=self.slug_for(data)).exists():
            return
        fields = {
            "title": data["title"],
            "slug": self.slug_for(data),
            "publish_date": data["publish_date"],
            "summary": data.get("summary", ""),
        }
        if "body" in data:
            fields["body"] = [("paragraph", f"<p>{data['body']}</p>")]
        if data["kind"] == "webinar":
            zone = ZoneInfo(settings.TIME_ZONE)
            starts_at = datetime.datetime.combine(data["publish_date"], WEBINAR_START, zone)
            page = WebinarPage(starts_at=starts_at, ends_at=starts_at + WEBINAR_LENGTH, **fields)
        else:
            page = ArticlePage(**fields)
        page.tags.add(*data["tags"])
        page = topic.add_child(instance=page)
        revision = page.save_revision()
        revision.publish()
        # Publishing stamps today's date; the seed's items were first published on their dates.
        published_at = datetime.datetime.combine(data["publish_date"], WEBINAR_START, datetime.UTC)
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )

    def standard_page(self, home, data):
        page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            page = home.add_child(instance=StandardPage(show_in_menus=True, **data))
            page.save_revision().publish()
        return page

    @staticmethod
    def slug_for(data):
        return slugify(data["title"])[:80]

    def hero_image(self):
        existing = Image.objects.filter(title=HERO_IMAGE_TITLE).first()
        if existing:
            return existing
        return Image.objects.create(
            title=HERO_IMAGE_TITLE,
            description="Shelves of books around a table where librarians and partners meet.",
            file=ImageFile(library_photo(), name="partnerships-collaboration.jpg"),
        )

    def admin_user(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write(
                "Log in at /admin/ as 'admin' (password unchanged; reset it with "
                "`.venv/bin/python manage.py changepassword admin`)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.com", password)
        self.stdout.write(
            self.style.WARNING(
                f"Created superuser 'admin' with password {password} — shown only this once."
            )
        )

    def editorial_user(self, username, group):
        User = get_user_model()
        existing = User.objects.filter(username=username).first()
        if existing:
            # A demo loaded before the plugin had groups of its own put them in Wagtail's.
            existing.groups.add(group)
            self.stdout.write(f"Log in as '{username}' ({group.name}; password unchanged).")
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(username, f"{username}@example.com", password)
        user.groups.add(group)
        self.stdout.write(
            self.style.WARNING(
                f"Created '{username}' ({group.name}) with password {password} "
                "— shown only this once."
            )
        )
