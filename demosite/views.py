import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
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
