"""Print order pages: a coordinator orders and sees their organisation's orders."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.lib.forms import Form

from . import orders

PAGE_SIZE = 50


class PrintOrderForm(Form):
    item = forms.ModelChoiceField(
        label=gettext_lazy("Book or magazine issue"), queryset=orders.orderable_items()
    )
    quantity = forms.IntegerField(
        label=gettext_lazy("Number of copies"), min_value=1, max_value=1000, initial=1
    )


@login_required
@require_http_methods(["GET", "POST"])
def order_list(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    may_order = orders.may_order_for(person, person.organisation)
    if not may_order and not person.is_association_staff:
        raise PermissionDenied
    form = PrintOrderForm(request.POST or None)
    if request.method == "POST":
        if not may_order:
            raise PermissionDenied
        if form.is_valid():
            try:
                orders.place_print_order(
                    item=form.cleaned_data["item"],
                    organisation=person.organisation,  # type: ignore[arg-type]
                    quantity=form.cleaned_data["quantity"],
                    by=person,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your order is placed; it comes on the next invoice."))
                return redirect("distribution:orders")
    page = Paginator(orders.orders_visible_to(person), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form if may_order else None, "page": page, "query": ""}
    return render(request, "knowledge/distribution/orders.html", context)


@login_required
@require_POST
def order_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    person = user_of(request)
    order = orders.get_order_for_user(person, pk)
    if not (orders.may_order_for(person, order.organisation) or person.is_association_staff):
        raise PermissionDenied
    try:
        orders.cancel_print_order(order=order, by=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The order is cancelled."))
    return redirect("distribution:orders")
