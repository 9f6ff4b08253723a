"""WSGI entry point: production serves pages through gunicorn with it (see README)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings")
application = get_wsgi_application()
