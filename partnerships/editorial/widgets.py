from django import forms

from ..conf import partnerships_setting


class ExcerptCounterTextarea(forms.Textarea):
    """A textarea that tells editors how much of it a topic's listing will show."""

    template_name = "partnerships/widgets/excerpt_counter_textarea.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 3, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(
            {
                "data-excerpt-counter-target": "input",
                "data-action": "input->excerpt-counter#update",
            }
        )
        context["widget"]["excerpt_length"] = partnerships_setting("EXCERPT_LENGTH")
        context["widget"]["characters"] = len(" ".join((value or "").split()))
        return context

    @property
    def media(self):
        return forms.Media(js=["partnerships/js/excerpt-counter.js"])
