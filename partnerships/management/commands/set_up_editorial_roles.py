from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page, Site

from partnerships.roles import MODERATORS, WORKFLOW_NAME, set_up_editorial_roles


class Command(BaseCommand):
    help = (
        "Create or update the Editors and Moderators groups and the “Editorial review” "
        "workflow for the pages under one root (the default site's home page unless --root)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--root", type=int, help="ID of the page whose subtree they edit.")

    def handle(self, *args, root=None, **options):
        if root is not None:
            page = Page.objects.filter(pk=root).first()
            if page is None:
                raise CommandError(f"There is no page with ID {root}.")
        else:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            if site is None:
                raise CommandError("There is no default site; pass --root PAGE_ID.")
            page = site.root_page
        set_up_editorial_roles(page)
        self.stdout.write(
            f"Editors and {MODERATORS} edit “{page.title}” and below; "
            f"“{WORKFLOW_NAME}” reviews every change there."
        )
