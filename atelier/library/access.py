"""Who may see which loan: the one place the pages ask (another organisation's loan = 404)."""

from django.db.models import QuerySet
from django.http import Http404

from atelier.accounts.models import Role, User

from .models import Loan


def loans_visible_to(user: User) -> QuerySet[Loan]:
    """Staff see every loan; a coordinator their organisation's; anyone else their own."""
    loans = Loan.objects.select_related("item", "borrower", "organisation")
    if user.is_association_staff:
        return loans
    if user.role == Role.COORDINATOR and user.organisation_id:
        return loans.filter(organisation_id=user.organisation_id)
    return loans.filter(borrower=user)


def get_loan_for_user(user: User, pk: int) -> Loan:
    loan = loans_visible_to(user).filter(pk=pk).first()
    if loan is None:
        raise Http404
    return loan
