"""Content-Security-Policy and Permissions-Policy on every response.

Django 5.2 has no CSP setting of its own, hence this small middleware. Pages load scripts
and styles only from the site itself: no inline script, no inline event handler, no style
attribute (the few dynamic sizes are set from JavaScript through the CSSOM, which the
policy allows, as does the API's Swagger UI). No page needs a relaxed policy.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self' ws: wss:",  # live editing speaks over a websocket
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


CONTENT_SECURITY_POLICY_HEADER = "; ".join(
    f"{name} {value}" for name, value in CONTENT_SECURITY_POLICY.items()
)
# The form that leaves for an organisation's identity provider (allauth's OpenID Connect
# login) is redirected to that provider's address, which browsers check against
# form-action too: there, and only there, forms may be sent on to another origin.
IDENTITY_PROVIDER_PATHS = ("/accounts/oidc/",)
IDENTITY_PROVIDER_POLICY_HEADER = "; ".join(
    f"{name} {value}" for name, value in CONTENT_SECURITY_POLICY.items() if name != "form-action"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = (
            IDENTITY_PROVIDER_POLICY_HEADER
            if request.path.startswith(IDENTITY_PROVIDER_PATHS)
            else CONTENT_SECURITY_POLICY_HEADER
        )
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
