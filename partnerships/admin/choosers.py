"""Choosers for people and partners: FieldPanel and MultipleChooserPanel pick them up."""

from wagtail.admin.viewsets.chooser import ChooserViewSet


class PersonChooserViewSet(ChooserViewSet):
    model = "partnerships.Person"
    icon = "user"
    choose_one_text = "Choose a person"
    choose_another_text = "Choose another person"
    edit_item_text = "Edit this person"
    # A missing author or presenter can be added without leaving the page.
    form_fields = ["name", "role", "organisation"]


class PartnerChooserViewSet(ChooserViewSet):
    model = "partnerships.Partner"
    icon = "site"
    choose_one_text = "Choose a partner"
    choose_another_text = "Choose another partner"
    edit_item_text = "Edit this partner"
    form_fields = ["name", "website"]
