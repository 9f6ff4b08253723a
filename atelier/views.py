"""Pages that belong to no single domain app: the home page and the health check."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from atelier.home.views import personal_home
from atelier.members.models import Organisation, OrganisationType


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Signed in, a person's own home; otherwise what Atelier is."""
    if request.user.is_authenticated:
        return personal_home(request)
    current = Organisation.objects.current()
    context = {
        "municipality_count": current.filter(type=OrganisationType.MUNICIPALITY).count(),
        "member_count": current.filter(is_member=True).count(),
    }
    return render(request, "home.html", context)


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For the load balancer: answers 200 while the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
