from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "atelier.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.User, exclude_fields=["password", "last_login"])
        auditlog.register(models.Invitation, exclude_fields=["token"])
        auditlog.register(models.ApiToken, exclude_fields=["key_hash", "last_used_at"])
        # The reason is for administrators only and goes with the erasure; the trail, which
        # trainers read too, must not keep it.
        auditlog.register(models.ErasureRequest, exclude_fields=["reason"])
