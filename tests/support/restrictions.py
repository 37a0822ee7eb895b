"""The one way tests restrict a page, as an editor's “Privacy” setting does."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

LOGIN = PageViewRestriction.LOGIN
GROUPS = PageViewRestriction.GROUPS
PASSWORD = PageViewRestriction.PASSWORD
MEMBERS = "Members"


def restrict(page, restriction_type=LOGIN, password=""):
    """Restrict `page` and its subtree: to signed-in readers, the Members group, or a password."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=password
    )
    if restriction_type == GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name=MEMBERS)[0])
    return restriction
