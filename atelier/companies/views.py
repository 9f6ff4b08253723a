from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.decorators import staff_required
from atelier.members.models import Organisation

from . import selectors
from .forms import CompanyForm, CompanyImportForm, LeaveForm, ParticipationForm
from .models import Participation
from .services import (
    CompanyError,
    add_participation,
    end_participation,
    import_companies,
    save_company,
)

PAGE_SIZE = 50


def _company_or_404(pk: int) -> Organisation:
    try:
        return selectors.get_company(pk)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc


@require_GET
def company_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.company_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "companies/company_list.html", {"page": page, "query": ""})


@require_GET
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_or_404(pk)
    return _detail(request, company)


def _detail(
    request: HttpRequest,
    company: Organisation,
    participation_form: ParticipationForm | None = None,
    status: int = 200,
) -> HttpResponse:
    participations = selectors.participations_of(company)
    context = {
        "company": company,
        "profile": getattr(company, "company_profile", None),
        "current": [p for p in participations if p.is_current],
        "former": [p for p in participations if not p.is_current],
        "chart": selectors.shares_chart(participations),
        "participation_form": participation_form or ParticipationForm(),
        "leave_form": LeaveForm(),
    }
    return render(request, "companies/company_detail.html", context, status=status)


@staff_required
@require_http_methods(["GET", "POST"])
def company_create(request: HttpRequest) -> HttpResponse:
    return _company_form(request, None)


@staff_required
@require_http_methods(["GET", "POST"])
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _company_form(request, _company_or_404(pk))


def _initial(company: Organisation | None) -> dict[str, object]:
    if company is None:
        return {}
    profile = getattr(company, "company_profile", None)
    return {
        "name": company.name_nl,
        "company_number": company.company_number,
        "legal_form": profile.legal_form if profile else "",
        "purpose": profile.purpose if profile else "",
        "province": company.province,
    }


def _company_form(request: HttpRequest, company: Organisation | None) -> HttpResponse:
    form = CompanyForm(request.POST or None, initial=_initial(company))
    if request.method == "POST" and form.is_valid():
        try:
            company = save_company(company=company, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except (CompanyError, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("The company was saved."))
            return redirect("companies:detail", pk=company.pk)
    context = {"form": form, "company": company}
    return render(request, "companies/company_form.html", context)


@staff_required
@require_POST
def participation_add(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_or_404(pk)
    form = ParticipationForm(request.POST)
    if form.is_valid():
        try:
            add_participation(company=company, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except CompanyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The participant was added."))
            return redirect("companies:detail", pk=company.pk)
    return _detail(request, company, participation_form=form, status=400)


@staff_required
@require_POST
def participation_end(request: HttpRequest, pk: int, participation_pk: int) -> HttpResponse:
    company = _company_or_404(pk)
    participation = get_object_or_404(Participation, pk=participation_pk, company=company)
    form = LeaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date the participant left."))
        return redirect("companies:detail", pk=company.pk)
    try:
        end_participation(
            participation=participation,
            left_on=form.cleaned_data["left_on"],
            by=request.user,  # type: ignore[arg-type]
        )
    except CompanyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The participant's leaving was recorded."))
    return redirect("companies:detail", pk=company.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def company_import(request: HttpRequest) -> HttpResponse:
    is_post = request.method == "POST"
    form = CompanyImportForm(request.POST, request.FILES) if is_post else CompanyImportForm()
    result = None
    if is_post and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_companies(content=upload.read(), file_name=upload.name, by=request.user)  # type: ignore[arg-type]
        if result.applied:
            messages.success(request, _("The file was imported."))
        else:
            messages.error(request, _("Nothing was imported: the file has errors."))
    return render(request, "companies/company_import.html", {"form": form, "result": result})
