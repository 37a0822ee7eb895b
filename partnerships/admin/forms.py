from wagtail.admin.forms import WagtailAdminPageForm

from ..validators import plain_text_rules, tidy_pasted_text


def tidy_tag_names(names):
    """Collapse the spaces inside each name and keep one of names that differ only by case.

    With TAGGIT_CASE_INSENSITIVE on, a name that differs from an existing tag
    only by case reuses that tag, so “Public  Health” joins “public health”.
    Pasted control characters go too: tag names reach feeds and calendars.
    """
    tidy = {}
    for name in names:
        name = " ".join(tidy_pasted_text(name).split())
        if name:
            tidy.setdefault(name.casefold(), name)
    return list(tidy.values())


class PastedTextPageForm(WagtailAdminPageForm):
    """Text pasted from a word processor is tidied before the model's rules check it.

    Word puts an invisible U+000B where Shift+Enter broke a line; in a title
    it becomes a space, in a summary a line break. The model still refuses
    such characters from every other writer (the importer, the shell).
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, rule in plain_text_rules(self._meta.model).items():
            if isinstance(cleaned_data.get(name), str):
                cleaned_data[name] = tidy_pasted_text(cleaned_data[name], rule.multiline)
        return cleaned_data


class ListablePageForm(PastedTextPageForm):
    def clean_tags(self):
        return tidy_tag_names(self.cleaned_data["tags"])
