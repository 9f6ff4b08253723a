"""The product's URLs plus the bare views every page is measured against (bench only)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from atelier.members.models import Province
from atelier.urls import urlpatterns as product_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    """The least a Django page does: the middleware, one query, a response."""
    return HttpResponse(f"{Province.objects.count()} provinces", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *product_urlpatterns]
