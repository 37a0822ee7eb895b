"""Query-string parameters shared by feeds and search, checked the same way everywhere."""

from django.http import HttpResponseBadRequest

from .models import listable_page_models


class BadParameter(ValueError):
    """A query-string value we cannot use; the message says what would work."""


def kinds_param(request) -> list[str] | None:
    """`?kind=news` as `["news"]`; None when absent, BadParameter when unknown."""
    kind = request.GET.get("kind", "")
    if not kind:
        return None
    known = sorted(model.kind for model in listable_page_models())
    if kind not in known:
        raise BadParameter(f"There is no kind called “{kind}”. Use one of: {', '.join(known)}.")
    return [kind]


def bad_parameter_response(error: BadParameter):
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
