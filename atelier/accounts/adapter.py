"""How allauth signs people in here: open sign-up, and throttles that lock the attacker.

Failed password sign-ins are counted per client (its IP as the proxy reports it, see
TRUSTED_PROXY_COUNT) and per address *from that client*, so someone hammering an address
locks themselves out, not its owner signing in from elsewhere. A locked client can still
sign in with a code mailed to the address (then the second factor): the attacker has no
mailbox, the owner has. Failures on one address from all clients together count too: past
SIGN_IN_FAILURES_BEFORE_CODE, a right password is no longer enough and allauth mails the
owner a sign-in code (then asks the second factor). Successful sign-ins count towards nothing.
"""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.account.models import Login
from allauth.core.internal import ratelimit
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

ADDRESS_UNDER_ATTACK = "login_failed_any_client"
CLIENT_FAILURES = "login_failed_client"


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open to participants unless OPEN_SIGNUP=false; other roles come by invitation."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many failed sign-ins from here. Try again later, or sign in with a code "
            "mailed to you."
        ),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(settings.OPEN_SIGNUP)

    def authenticate(self, request: HttpRequest, **credentials: Any) -> Any:
        # Counted before the password is checked and given back after a success, as allauth
        # does per address: parallel guesses cannot all slip under the limit.
        usage = ratelimit.consume(
            request,
            app="atelier.accounts",
            action=CLIENT_FAILURES,
            config={CLIENT_FAILURES: settings.SIGN_IN_FAILURES_PER_CLIENT},
        )
        if usage is None:
            raise self.validation_error("too_many_login_attempts")
        user = super().authenticate(request, **credentials)
        if user is not None:
            usage.rollback()
        return user

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """The address and the client together, so a lock on one pair spares the owner."""
        return f"{_address(credentials)}:{self.get_client_ip(request)}"

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        _consume_address_failure(request, _address(credentials))

    def is_login_by_code_required(self, login: Login) -> bool:
        if super().is_login_by_code_required(login):
            return True
        if login.user is None or _signed_in_by_code(self.request, login):
            return False
        return address_is_under_attack(self.request, login.user.email)


def _address(credentials: dict[str, Any]) -> str:
    return str(credentials.get("email") or credentials.get("username") or "").strip().lower()


def _signed_in_by_code(request: HttpRequest, login: Login) -> bool:
    records = get_authentication_records(request, login.user)
    return bool(records) and records[-1].get("method") == "code"


def _address_rates() -> dict[str, str]:
    return {ADDRESS_UNDER_ATTACK: settings.SIGN_IN_FAILURES_BEFORE_CODE}


def _consume_address_failure(request: HttpRequest, address: str) -> None:
    ratelimit.consume(
        request,
        app="atelier.accounts",
        action=ADDRESS_UNDER_ATTACK,
        config=_address_rates(),
        key=address,
    )


def address_is_under_attack(request: HttpRequest, address: str) -> bool:
    """Whether the address had more failed sign-ins, from all clients together, than allowed."""
    usage = ratelimit.consume(
        request,
        app="atelier.accounts",
        action=ADDRESS_UNDER_ATTACK,
        config=_address_rates(),
        key=address.strip().lower(),
        dry_run=True,
        limit_get=True,
    )
    return usage is None
