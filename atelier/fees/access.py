"""Who may see which invoice: administrators all, a coordinator their organisation's."""

from django.http import Http404

from atelier.accounts.models import User

from .models import Invoice
from .selectors import invoices_visible_to


def get_invoice_for_user(user: User, pk: int) -> Invoice:
    """The invoice, or 404 for anyone who may not see it (its existence included)."""
    invoice = (
        invoices_visible_to(user)
        .select_related("fee_line__run__tariff", "credited_invoice")
        .filter(pk=pk)
        .first()
    )
    if invoice is None:
        raise Http404
    return invoice
