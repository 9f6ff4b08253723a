"""Content-Security-Policy and Permissions-Policy on every response.

Django 5.2 has no CSP setting of its own, hence this small middleware. Pages load scripts
and styles only from the site itself: no inline script, no inline event handler, no style
attribute (the few dynamic sizes are set from JavaScript through the CSSOM, which the
policy allows). The API's Swagger UI page sets style attributes from its bundle, so that one
path may use inline style; nothing else is relaxed.
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
RELAXED_STYLE_PATHS = ("/api/v1/docs",)
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


def content_security_policy(path: str) -> str:
    directives = dict(CONTENT_SECURITY_POLICY)
    if path.startswith(RELAXED_STYLE_PATHS):
        directives["style-src"] = "'self' 'unsafe-inline'"
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(
            "Content-Security-Policy", content_security_policy(request.path)
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
