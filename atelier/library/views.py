"""The library: the catalogue of records, loans for staff, a person's own loans."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.accounts.models import User
from atelier.lib.forms import Form, date_field

from . import selectors, services
from .access import get_loan_for_user, loans_visible_to

PAGE_SIZE = 50


class LendForm(Form):
    item = forms.ModelChoiceField(label=gettext_lazy("Item"), queryset=selectors.lendable_items())
    borrower = forms.EmailField(label=gettext_lazy("Borrower's e-mail address"))
    due_on = date_field(gettext_lazy("Due on"), required=False)

    def clean_borrower(self) -> User:
        email = self.cleaned_data["borrower"].lower()
        person = User.objects.filter(email=email, is_active=True).first()
        if person is None:
            raise ValidationError(_("Nobody with this e-mail address has an account."))
        return person


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    records = selectors.catalogue(request.user, query)  # type: ignore[arg-type]
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "q": query, "query": urlencode({"q": query}) if query else ""}
    return render(request, "library/catalogue.html", context)


@login_required
@require_GET
def my_loans(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    # The person's own loans; staff and coordinators see the others on the loans pages.
    loans = loans_visible_to(person).filter(borrower=person).order_by("returned_on", "due_on", "pk")
    page = Paginator(loans, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "library/my_loans.html", {"page": page, "query": ""})


@staff_required
@require_http_methods(["GET", "POST"])
def loans(request: HttpRequest) -> HttpResponse:
    form = LendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.lend(
                item=form.cleaned_data["item"],
                borrower=form.cleaned_data["borrower"],
                due_on=form.cleaned_data["due_on"],
                by=user_of(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The loan is recorded."))
            return redirect("library:loans")
    open_loans = selectors.open_loans(loans_visible_to(user_of(request)))
    page = Paginator(open_loans, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": "", "overdue": False}
    return render(request, "library/loans.html", context)


@staff_required
@require_GET
def overdue(request: HttpRequest) -> HttpResponse:
    late = selectors.overdue_loans(loans_visible_to(user_of(request)))
    page = Paginator(late, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "library/loans.html", {"form": None, "page": page, "query": "", "overdue": True}
    )


@login_required
@require_GET
def loan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    loan = get_loan_for_user(user_of(request), pk)
    return render(request, "library/loan_detail.html", {"loan": loan})


@login_required
@require_POST
def loan_return(request: HttpRequest, pk: int) -> HttpResponse:
    person = user_of(request)
    loan = get_loan_for_user(person, pk)
    if not person.is_association_staff:
        raise PermissionDenied
    services.return_loan(loan=loan, by=person)
    messages.success(request, _("The return is recorded."))
    return redirect(reverse("library:loan", args=[loan.pk]))
