import logging

from django.contrib import admin
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.urls import include, path

logger = logging.getLogger(__name__)


def healthz(request):
    """For load balancers and uptime checks: "ok" when the database answers a query, a
    503 with a one-line reason when it doesn't. The reason names the kind of failure only:
    the database's own message (host, port, user) goes to the log, not to the public."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        logger.error("Health check: the database did not answer: %s", exc)
        return HttpResponse(
            f"database unavailable: {type(exc).__name__}\n",
            status=503,
            content_type="text/plain",
        )
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("meetings.urls")),
    path("", include("agreements.urls")),
]
