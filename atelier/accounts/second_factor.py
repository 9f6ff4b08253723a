"""Who must use a second factor, and whether they have one and used it in this session."""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest

from .models import User


def second_factor_required(user: User) -> bool:
    """Association staff and admin-site users need TOTP where REQUIRE_STAFF_MFA is on."""
    if not settings.REQUIRE_STAFF_MFA or not user.is_active:
        return False
    return user.is_association_staff or user.is_staff


def has_totp(user: User) -> bool:
    """Recovery codes alone are no second factor: they come with, and after, a TOTP."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def session_passed_second_factor(request: HttpRequest, user: User) -> bool:
    """Whether this session's sign-in included a TOTP (or recovery) code, as allauth records."""
    records = get_authentication_records(request, user)
    return any(record.get("method") == "mfa" for record in records)
