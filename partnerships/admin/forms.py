from wagtail.admin.forms import WagtailAdminPageForm


def tidy_tag_names(names):
    """Collapse the spaces inside each name and keep one of names that differ only by case.

    With TAGGIT_CASE_INSENSITIVE on, a name that differs from an existing tag
    only by case reuses that tag, so “Public  Health” joins “public health”.
    """
    tidy = {}
    for name in names:
        name = " ".join(name.split())
        if name:
            tidy.setdefault(name.casefold(), name)
    return list(tidy.values())


class ListablePageForm(WagtailAdminPageForm):
    def clean_tags(self):
        return tidy_tag_names(self.cleaned_data["tags"])
