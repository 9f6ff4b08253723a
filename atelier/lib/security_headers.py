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


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY_HEADER)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
