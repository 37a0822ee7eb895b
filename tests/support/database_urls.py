"""Views that show the database session as a request's own statements see it.

For the reader statement timeout's tests (tests/deployment/test_statement_timeout.py).
"""

from django.db import connection
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

handler500 = "demosite.views.server_error"


@csrf_exempt
def statement_timeout(request):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        (value,) = cursor.fetchone()
    return JsonResponse({"statement_timeout": value})


def slow(request):
    """One statement that takes a second: a query plan gone wrong, say."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(1)")
    return JsonResponse({"slept": True})


urlpatterns = [
    path("api/statement-timeout/", statement_timeout),
    path("api/slow/", slow),
]
