from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from ...editorial.roles import set_up_editorial_roles


class Command(BaseCommand):
    help = (
        "Create or repair the plugin's editor and moderator groups (PARTNERSHIPS "
        "EDITOR_GROUP and MODERATOR_GROUP) and the review workflow for the pages under one "
        "root (the default site's home page unless --root), people and partners. Other "
        "groups and their permissions are never changed; it is safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--root", type=int, help="ID of the page whose subtree they edit.")
        parser.add_argument(
            "--replace-workflow",
            action="store_true",
            help="Assign the review workflow to the root page, people and partners even "
            "where another workflow is assigned already (which is otherwise left in place).",
        )

    def handle(self, *args, root=None, replace_workflow=False, **options):
        if root is not None:
            page = Page.objects.filter(pk=root).first()
            if page is None:
                raise CommandError(_("There is no page with ID %(id)s.") % {"id": root})
        else:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            if site is None:
                raise CommandError(_("There is no default site; pass --root PAGE_ID."))
            page = site.root_page
        roles = set_up_editorial_roles(page, replace_workflow=replace_workflow)
        for note in roles.notes or [_("Nothing to change: everything was set up already.")]:
            self.stdout.write(note)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "“%(editors)s” and “%(moderators)s” edit “%(page)s” and below, "
                    "people and partners."
                )
                % {
                    "editors": roles.editors.name,
                    "moderators": roles.moderators.name,
                    "page": page.title,
                }
            )
        )
