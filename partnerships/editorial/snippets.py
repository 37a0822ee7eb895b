"""The People and Partners sections: Wagtail snippets with drafts, history and review.

An editor's change is saved as a draft and submitted to “Editorial review”;
a moderator publishes it. Each section's chooser is the one page forms use.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import Partner, Person
from .choosers import PartnerChooserViewSet, PersonChooserViewSet


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "group"
    menu_label = _("People")
    menu_name = "people"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", UpdatedAtColumn(), LiveStatusTagColumn()]
    list_filter = ["organisation"]
    chooser_viewset_class = PersonChooserViewSet
    # The URLs the chooser had before people became snippets.
    chooser_admin_url_namespace = "person_chooser"
    chooser_base_url_path = "person_chooser"


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "site"
    menu_label = _("Partners")
    menu_name = "partners"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "website", UpdatedAtColumn(), LiveStatusTagColumn()]
    chooser_viewset_class = PartnerChooserViewSet
    chooser_admin_url_namespace = "partner_chooser"
    chooser_base_url_path = "partner_chooser"
