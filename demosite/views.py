import logging
import sys

from django.contrib.staticfiles import finders
from django.db import InterfaceError, OperationalError
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotFound,
    HttpResponseServerError,
    JsonResponse,
)
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def server_error(request):
    """The 500 handler, which tells a database outage apart as a 503.

    Django calls it while the exception is being handled, wherever it was
    raised (a view, or middleware reading the session), so `sys.exc_info()`
    says what went wrong. Django reconnects on the next request
    (CONN_HEALTH_CHECKS), so the site recovers by itself.
    """
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        logger.error("Database unavailable: %s", type(exception).__name__)
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {"message": "The service is briefly unavailable; try again shortly."},
                status=503,
            )
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
    elif request.path.startswith("/api/"):
        response = JsonResponse({"message": "Something went wrong on our side."}, status=500)
    else:
        response = HttpResponseServerError(render_to_string("500.html"))
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request, exception):
    """The 404 page, in words, with DEBUG off too.

    Django hands the template the exception's message, or its class name
    (“Http404”, “Resolver404”) when it has none; only a sentence is worth showing.
    """
    message = exception.args[0] if getattr(exception, "args", None) else ""
    reason = message if isinstance(message, str) and " " in message.strip() else ""
    context = {"reason": reason, "request_path": request.path}
    return HttpResponseNotFound(render_to_string("404.html", context, request))


def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page says."""
    path = finders.find("favicon.ico")
    if path is None:
        raise Http404("No favicon.")
    response = FileResponse(open(path, "rb"), content_type="image/x-icon")  # noqa: SIM115
    response["Cache-Control"] = "public, max-age=86400"
    return response
