"""The bench server's WSGI application: the product's, with its URLs imported before the
workers fork (gunicorn --preload), so that no measured request pays for that import."""

from django.urls import get_resolver

from atelier.wsgi import application

get_resolver().url_patterns  # noqa: B018 - imports every view module once, in the master

__all__ = ["application"]
