"""Fee pages: for the association's administrators only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.decorators import administrator_required
from atelier.api.auth import accepts_api_token
from atelier.lib.charts import BarChart, bar_chart
from atelier.lib.money import format_euro

from . import exports, selectors, services
from .access import get_invoice_for_user
from .forms import (
    BankFileForm,
    BracketFormSet,
    CreditForm,
    InvoiceFilterForm,
    IssueRunForm,
    TariffCopyForm,
    TariffForm,
    TariffRuleForm,
    default_reference_date,
    this_year,
)
from .invoice_pdf import pdf_file_name, stored_invoice_pdf
from .models import BankImport, FeeRun, Invoice, Tariff, TariffRule
from .payment_matching import import_bank_statement
from .ubl import UblError, invoice_ubl, ubl_file_name

PAGE_SIZE = 50


@administrator_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    context = {
        "tariffs": Tariff.objects.annotate(run_count=Count("runs")).order_by("-year", "-pk"),
        "runs": FeeRun.objects.select_related("tariff")
        .annotate(
            line_count=Count("lines"), problem_count=Count("lines", filter=~Q(lines__problem=""))
        )
        .order_by("-year", "-pk"),
    }
    return render(request, "fees/index.html", context)


@administrator_required
@require_http_methods(["GET", "POST"])
def tariff_create(request: HttpRequest) -> HttpResponse:
    year = this_year() + 1
    initial = {"year": year, "reference_date": default_reference_date(year)}
    form = TariffForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        tariff = services.create_tariff(
            year=data["year"],
            reference_date=data["reference_date"],
            indexation_percent=data["indexation_percent"],
            notes=data["notes"],
            by=request.user,  # type: ignore[arg-type]
        )
        messages.success(
            request, _("The draft tariff was created. Set the rate of each member type.")
        )
        return redirect("fees:tariff_detail", pk=tariff.pk)
    return render(request, "fees/tariff_form.html", {"form": form})


@administrator_required
@require_GET
def tariff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    tariff = get_object_or_404(Tariff, pk=pk)
    context = {
        "tariff": tariff,
        "rules": tariff.rules.prefetch_related("brackets"),
        "runs": tariff.runs.all(),
        "copy_form": TariffCopyForm(initial={"year": tariff.year + 1}),
    }
    return render(request, "fees/tariff_detail.html", context)


def fee_action(request: HttpRequest, action, *args, **kwargs) -> bool:  # type: ignore[no-untyped-def]
    """Runs a service; a refusal becomes an error message instead of a crash."""
    try:
        action(*args, **kwargs)
    except services.FeeError as error:
        messages.error(request, str(error))
        return False
    return True


@administrator_required
@require_http_methods(["GET", "POST"])
def tariff_edit(request: HttpRequest, pk: int) -> HttpResponse:
    tariff = get_object_or_404(Tariff, pk=pk)
    initial = {
        "year": tariff.year,
        "reference_date": tariff.reference_date,
        "indexation_percent": tariff.indexation_percent,
        "notes": tariff.notes,
        "revision": tariff.revision,
    }
    form = TariffForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = fee_action(
            request,
            services.update_tariff,
            tariff=tariff,
            revision=data["revision"] or 0,
            year=data["year"],
            reference_date=data["reference_date"],
            indexation_percent=data["indexation_percent"],
            notes=data["notes"],
            by=request.user,
        )
        if done:
            messages.success(request, _("The tariff was saved."))
            return redirect("fees:tariff_detail", pk=tariff.pk)
    return render(request, "fees/tariff_form.html", {"form": form, "tariff": tariff})


def _rule_initial(rule: TariffRule) -> dict:
    return {
        "basis": rule.basis,
        "rate": rule.rate,
        "flat_amount": rule.flat_amount,
        "minimum": rule.minimum,
        "maximum": rule.maximum,
        "revision": rule.tariff.revision,
    }


@administrator_required
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, pk: int, rule_pk: int) -> HttpResponse:
    rule = get_object_or_404(TariffRule.objects.select_related("tariff"), pk=rule_pk, tariff=pk)
    brackets = [{"from_population": b.from_population, "rate": b.rate} for b in rule.brackets.all()]
    form = TariffRuleForm(request.POST or None, initial=_rule_initial(rule))
    formset = BracketFormSet(request.POST or None, initial=brackets, prefix="brackets")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        done = fee_action(
            request,
            services.update_rule,
            rule=rule,
            revision=data["revision"],
            basis=data["basis"],
            rate=data["rate"],
            flat_amount=data["flat_amount"],
            minimum=data["minimum"],
            maximum=data["maximum"],
            brackets=formset.brackets(),  # type: ignore[attr-defined]
            by=request.user,
        )
        if done:
            messages.success(request, _("The rule was saved."))
            return redirect("fees:tariff_detail", pk=rule.tariff_id)
    context = {"rule": rule, "tariff": rule.tariff, "form": form, "formset": formset}
    return render(request, "fees/rule_form.html", context)


@administrator_required
@require_GET
def tariff_preview(request: HttpRequest, pk: int) -> HttpResponse:
    tariff = get_object_or_404(Tariff, pk=pk)
    preview = selectors.tariff_preview(tariff)
    context = {
        "tariff": tariff,
        "preview": preview,
        "province_chart": _fee_chart(_("Fees per province"), preview.by_province),
        "size_chart": _fee_chart(_("Municipalities' fees per size class"), preview.by_size),
    }
    return render(request, "fees/tariff_preview.html", context)


def _fee_chart(title: str, groups: list[selectors.Group]) -> BarChart:
    return bar_chart(
        title, [(group.label, group.total, format_euro(group.total)) for group in groups]
    )


@administrator_required
@require_POST
def tariff_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    tariff = get_object_or_404(Tariff, pk=pk)
    if fee_action(request, services.adopt_tariff, tariff=tariff, by=request.user):
        messages.success(request, _("The tariff is adopted. You can now compute the fee run."))
    return redirect("fees:tariff_detail", pk=tariff.pk)


@administrator_required
@require_POST
def tariff_copy(request: HttpRequest, pk: int) -> HttpResponse:
    tariff = get_object_or_404(Tariff, pk=pk)
    form = TariffCopyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the year of the new tariff."))
        return redirect("fees:tariff_detail", pk=tariff.pk)
    copy = services.copy_tariff(tariff=tariff, year=form.cleaned_data["year"], by=request.user)  # type: ignore[arg-type]
    messages.success(request, _("A draft copy was made. Check its reference date and rates."))
    return redirect("fees:tariff_detail", pk=copy.pk)


@administrator_required
@require_POST
def tariff_delete(request: HttpRequest, pk: int) -> HttpResponse:
    tariff = get_object_or_404(Tariff, pk=pk)
    if fee_action(request, services.delete_tariff, tariff=tariff, by=request.user):
        messages.success(request, _("The draft tariff was deleted."))
        return redirect("fees:index")
    return redirect("fees:tariff_detail", pk=tariff.pk)


@administrator_required
@require_POST
def run_create(request: HttpRequest, pk: int) -> HttpResponse:
    tariff = get_object_or_404(Tariff, pk=pk)
    try:
        run = services.compute_fee_run(tariff=tariff, by=request.user)  # type: ignore[arg-type]
    except services.FeeError as error:
        messages.error(request, str(error))
        return redirect("fees:tariff_detail", pk=tariff.pk)
    return redirect("fees:run_detail", pk=run.pk)


@administrator_required
@require_GET
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(FeeRun.objects.select_related("tariff", "issued_by"), pk=pk)
    lines = selectors.run_lines(run)
    show = request.GET.get("show", "")
    shown = lines.exclude(problem="") if show == "problems" else lines
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "run": run,
        "page": page,
        "show": show,
        "problem_count": lines.exclude(problem="").count(),
        "summary": lines.aggregate(count=Count("pk", filter=Q(problem="")), total=Sum("amount")),
        "issue_form": IssueRunForm(),
    }
    return render(request, "fees/run_detail.html", context)


@administrator_required
@require_POST
def run_issue(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(FeeRun, pk=pk)
    form = IssueRunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the invoice date."))
        return redirect("fees:run_detail", pk=run.pk)
    try:
        invoices = services.issue_fee_run(
            run=run,
            issued_on=form.cleaned_data["issued_on"],
            leave_out_problems=form.cleaned_data["leave_out_problems"],
            by=request.user,  # type: ignore[arg-type]
        )
    except services.FeeError as error:
        messages.error(request, str(error))
        return redirect("fees:run_detail", pk=run.pk)
    count = len(invoices)
    message = ngettext("%(count)s invoice was issued.", "%(count)s invoices were issued.", count)
    messages.success(request, message % {"count": count})
    return redirect("fees:run_detail", pk=run.pk)


@administrator_required
@require_POST
def run_delete(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(FeeRun, pk=pk)
    if fee_action(request, services.delete_fee_run, run=run, by=request.user):
        messages.success(request, _("The draft fee run was deleted."))
        return redirect("fees:index")
    return redirect("fees:run_detail", pk=run.pk)


def _filtered_invoices(request: HttpRequest) -> tuple[InvoiceFilterForm, QuerySet[Invoice]]:
    form = InvoiceFilterForm(request.GET)
    invoices = selectors.invoices_with_balance()
    if form.is_valid():
        invoices = selectors.filter_invoices(invoices, **form.cleaned_data)
    return form, invoices


@administrator_required
@require_GET
def invoice_list(request: HttpRequest) -> HttpResponse:
    form, invoices = _filtered_invoices(request)
    page = Paginator(invoices, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for invoice in page:
        invoice.status = selectors.status_of(invoice, today)  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "fees/invoice_list.html", context)


@administrator_required
@require_GET
def invoice_export(request: HttpRequest, file_format: str) -> HttpResponse:
    _form, invoices = _filtered_invoices(request)
    return exports.invoice_export_response(invoices, file_format)  # type: ignore[arg-type]


@administrator_required
@require_GET
def invoice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    invoice = get_object_or_404(
        selectors.with_reminder_state(selectors.invoices_with_balance()), pk=pk
    )
    invoice.status = selectors.status_of(invoice, timezone.localdate())  # type: ignore[attr-defined]
    context = {
        "invoice": invoice,
        "balance": invoice.amount - invoice.credited - invoice.paid,  # type: ignore[attr-defined]
        "history": selectors.invoice_history(invoice),
        "lines": invoice.lines.all(),
        "credit_notes": invoice.credit_notes.all(),
        "credit_form": CreditForm(invoice=invoice),
    }
    return render(request, "fees/invoice_detail.html", context)


@accepts_api_token
@login_required
@require_GET
def invoice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    invoice = get_invoice_for_user(request.user, pk)  # type: ignore[arg-type]
    response = HttpResponse(stored_invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf_file_name(invoice)}"'
    return response


@login_required
@require_GET
def invoice_ubl_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The Peppol e-invoice (UBL) of an invoice or credit note, for whoever may see its PDF."""
    invoice = get_invoice_for_user(request.user, pk)  # type: ignore[arg-type]
    try:
        xml = invoice_ubl(invoice)
    except UblError as error:
        return HttpResponse(str(error), status=422, content_type="text/plain; charset=utf-8")
    response = HttpResponse(xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{ubl_file_name(invoice)}"'
    return response


@login_required
@require_GET
def member_invoices(request: HttpRequest) -> HttpResponse:
    """A coordinator's view of their organisation's invoices and what is still due."""
    invoices = selectors.invoices_visible_to(request.user).filter(  # type: ignore[arg-type]
        organisation_id=request.user.organisation_id  # type: ignore[union-attr,misc]
    )
    invoices = selectors.with_reminder_state(invoices)
    page = Paginator(invoices, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for invoice in page:
        invoice.status = selectors.status_of(invoice, today)  # type: ignore[attr-defined]
    open_charges = selectors.filter_charges(
        selectors.charges_visible_to(request.user),  # type: ignore[arg-type]
        selectors.ChargeState.TO_INVOICE,
    )
    for charge in open_charges:
        charge.state = selectors.ChargeState.TO_INVOICE  # type: ignore[attr-defined]
    context = {"page": page, "open_charges": open_charges}
    return render(request, "fees/member_invoices.html", context)


@administrator_required
@require_POST
def invoice_credit(request: HttpRequest, pk: int) -> HttpResponse:
    invoice = get_object_or_404(Invoice, pk=pk)
    form = CreditForm(request.POST, invoice=invoice)
    if form.is_valid():
        data = form.cleaned_data
        try:
            note, _corrected = services.credit_invoice(
                invoice=invoice,
                amount=data["amount"],
                reason=data["reason"],
                issued_on=data["issued_on"],
                corrected_amount=data["corrected_amount"],
                credited_before=data["credited_before"],
                by=request.user,  # type: ignore[arg-type]
            )
        except services.FeeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Credit note %(number)s was issued.") % {"number": note})
            return redirect("fees:invoice_detail", pk=invoice.pk)
    messages.error(request, _("No credit note was issued: %(errors)s") % {"errors": _errors(form)})
    return redirect("fees:invoice_detail", pk=invoice.pk)


def _errors(form: CreditForm) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@administrator_required
@require_http_methods(["GET", "POST"])
def bank_import(request: HttpRequest) -> HttpResponse:
    form = BankFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        by = request.user
        record = import_bank_statement(content=upload.read(), file_name=upload.name, by=by)  # type: ignore[arg-type]
        if record.status == BankImport.Status.APPLIED:
            messages.success(request, _("The statement was read and the payments booked."))
        else:
            messages.error(request, _("Nothing was booked: the file has errors."))
        return redirect("fees:bank_import_detail", pk=record.pk)
    return render(request, "fees/bank_import_form.html", {"form": form})


@administrator_required
@require_GET
def bank_import_list(request: HttpRequest) -> HttpResponse:
    imports = BankImport.objects.select_related("created_by").defer("errors")
    imports = imports.annotate(line_count=Count("lines"))
    imports = imports.order_by("-created_at", "-pk")  # GROUP BY drops Meta.ordering
    page = Paginator(imports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "fees/bank_import_list.html", {"page": page})


@administrator_required
@require_GET
def bank_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(BankImport.objects.select_related("created_by"), pk=pk)
    lines = list(record.lines.select_related("invoice"))
    context = {
        "record": record,
        "matched": [line for line in lines if line.is_matched],
        "unmatched": [line for line in lines if not line.is_matched],
    }
    return render(request, "fees/bank_import_detail.html", context)
