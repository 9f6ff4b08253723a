"""Association staff work only in a session that passed a TOTP second factor, when required.

A device on the account is not enough: the session itself must have passed the code. A staff
member without TOTP is sent to set it up; one with TOTP whose session passed only the password
(however it was made) is asked for the code before anything else.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .second_factor import has_totp, second_factor_required, session_passed_second_factor

# The API is not exempt: a staff browser session reaches it through this middleware too.
ALWAYS_ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/")


class StaffSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            not user.is_authenticated
            or request.path.startswith(ALWAYS_ALLOWED_PREFIXES)
            or not second_factor_required(user)  # type: ignore[arg-type]
        ):
            return self.get_response(request)
        if not has_totp(user):  # type: ignore[arg-type]
            return redirect(reverse("mfa_activate_totp"))
        if not session_passed_second_factor(request, user):  # type: ignore[arg-type]
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)
