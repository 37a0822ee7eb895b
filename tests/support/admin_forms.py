"""Posting Wagtail's admin forms the way a browser would, without a browser."""

from bs4 import BeautifulSoup
from django.urls import reverse

# Parts of the page form that Wagtail's JavaScript, not its HTML, adds to a
# browser's submission: an empty body StreamField and an empty comments formset.
# Tests that post a body give its fields explicitly.
SCRIPTED_FIELDS = {
    "body-count": "0",
    "comments-TOTAL_FORMS": "0",
    "comments-INITIAL_FORMS": "0",
    "comments-MIN_NUM_FORMS": "0",
    "comments-MAX_NUM_FORMS": "1000",
}


def form_values(response, field_in_form="title"):
    """Every field of the form holding `field_in_form`, with the value shown to the user."""
    page = BeautifulSoup(response.content, "html.parser")
    form = page.find(attrs={"name": field_in_form}).find_parent("form")
    values = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.find_parent("template"):
            continue  # unnamed, or the blank row an "Add" button copies
        if field.name == "textarea":
            values[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            values[name] = chosen.get("value", chosen.text) if chosen else ""
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                values[name] = field.get("value", "on")
        elif field.get("type") not in {"submit", "button", "file", "image"}:
            values[name] = field.get("value", "")
    return {**SCRIPTED_FIELDS, **values}


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def snippet_url(model, view, *args):
    """An admin URL of a snippet model: `list`, `add`, `edit`, `history`, `revisions_revert`…"""
    namespace = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"
    return reverse(f"{namespace}:{view}", args=args)
