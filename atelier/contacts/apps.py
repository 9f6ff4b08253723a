from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "atelier.contacts"
    verbose_name = _("Contacts by function")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Contact)
        auditlog.register(models.Function, m2m_fields={"topics"})
