"""The visitor's IP address as the reverse proxy reports it (TRUSTED_PROXY_COUNT)."""

from allauth.account.adapter import get_adapter
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """One rule for every throttle: allauth's, which honours the trusted proxy settings."""
    return str(get_adapter(request).get_client_ip(request))
