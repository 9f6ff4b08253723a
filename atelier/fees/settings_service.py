"""Writes for the billing settings: one row, changed by staff, never silently overwritten."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from atelier.accounts.models import User

from .models import BillingSettings
from .services import StaleEdit


@transaction.atomic
def update_billing_settings(*, revision: int, values: dict[str, Any], by: User) -> BillingSettings:
    """Saves the settings staff changed, unless someone else saved them since."""
    BillingSettings.current()
    current = BillingSettings.objects.select_for_update().get(pk=1)
    if current.revision != revision:
        raise StaleEdit(
            _("Someone else changed these settings meanwhile. Reload them and try again.")
        )
    for name, value in values.items():
        setattr(current, name, value)
    current.revision += 1
    current.save()
    return current
