"""Print orders: a coordinator orders printed copies for their organisation; a charge bills them.

The charge is the academy's `Charge` (with `order` set instead of `enrolment`), so the fees
app's charges run puts it on the organisation's one invoice with the training charges.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.academy.models import Charge
from atelier.accounts.models import Role, User
from atelier.knowledge.distribution_models import PriceKind
from atelier.knowledge.models import Kind, KnowledgeItem, PrintOrder, Status
from atelier.members.models import Organisation

ORDERABLE_KINDS = (Kind.BOOK, Kind.MAGAZINE_ISSUE)


def orderable_items() -> QuerySet[KnowledgeItem]:
    """Published books and magazine issues available in print."""
    return KnowledgeItem.objects.filter(
        kind__in=ORDERABLE_KINDS, is_printed=True, status=Status.PUBLISHED
    ).order_by("title")


def may_order_for(user: User, organisation: Organisation | None) -> bool:
    return (
        organisation is not None
        and user.is_active
        and user.role == Role.COORDINATOR
        and user.organisation_id == organisation.pk
    )


def orders_visible_to(user: User) -> QuerySet[PrintOrder]:
    """Staff see every order; a coordinator their organisation's; others none."""
    orders = PrintOrder.objects.select_related(
        "item", "organisation", "ordered_by", "charge__invoice_line__invoice"
    )
    if user.is_association_staff:
        return orders
    if user.role == Role.COORDINATOR and user.organisation_id:
        return orders.filter(organisation_id=user.organisation_id)
    return orders.none()


def get_order_for_user(user: User, pk: int) -> PrintOrder:
    """The order, or 404 for anyone outside its organisation (staff excepted)."""
    order = orders_visible_to(user).filter(pk=pk).first()
    if order is None:
        raise Http404
    return order


def price_for(item: KnowledgeItem, organisation: Organisation) -> tuple[str, Decimal | None]:
    if organisation.is_member:
        return PriceKind.MEMBER, item.member_price
    return PriceKind.NON_MEMBER, item.non_member_price


@transaction.atomic
def place_print_order(
    *, item: KnowledgeItem, organisation: Organisation, quantity: int, by: User
) -> PrintOrder:
    """Records the order and its charge at the member or non-member price per copy."""
    if not may_order_for(by, organisation):
        raise ValidationError(_("Only a coordinator may order for their organisation."))
    if not orderable_items().filter(pk=item.pk).exists():
        raise ValidationError(_("This item cannot be ordered in print."))
    price_kind, unit_price = price_for(item, organisation)
    if unit_price is None:
        raise ValidationError(_("This item has no price yet; ask the association."))
    order = PrintOrder.objects.create(
        item=item,
        organisation=organisation,
        quantity=quantity,
        unit_price=unit_price,
        price_kind=price_kind,
        ordered_by=by,
    )
    Charge.objects.create(order=order, organisation=organisation, amount=order.total)
    return order


@transaction.atomic
def cancel_print_order(*, order: PrintOrder, by: User) -> PrintOrder:
    """Cancels the order and its charge; once invoiced, only a credit note can undo it."""
    order = PrintOrder.objects.select_for_update().get(pk=order.pk)
    if order.cancelled_at is not None:
        return order
    charge = Charge.objects.select_for_update().filter(order=order).first()
    if charge is not None and hasattr(charge, "invoice_line"):
        raise ValidationError(
            _("This order is already invoiced; ask the association for a credit note.")
        )
    now = timezone.now()
    order.cancelled_at = now
    order.save(update_fields=["cancelled_at"])
    if charge is not None:
        charge.cancelled_at, charge.retained_amount = now, 0
        charge.save(update_fields=["cancelled_at", "retained_amount"])
    return order
