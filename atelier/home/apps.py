from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "atelier.home"
    verbose_name = _("Home")

    def ready(self) -> None:
        from atelier.lib.page_cache import connect_signals

        connect_signals()  # a change to what public pages show renews them
