"""Association staff work only after setting up a TOTP second factor, when required."""

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# The API is not exempt: a staff browser session reaches it through this middleware too.
ALWAYS_ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/")


class StaffSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_set_up_second_factor(request):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_set_up_second_factor(self, request: HttpRequest) -> bool:
        if not settings.REQUIRE_STAFF_MFA:
            return False
        user = request.user
        if not user.is_authenticated or not user.is_association_staff:
            return False
        if request.path.startswith(ALWAYS_ALLOWED_PREFIXES):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
