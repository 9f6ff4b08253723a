from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "atelier.mailings"
    verbose_name = _("Segments and mailings")
