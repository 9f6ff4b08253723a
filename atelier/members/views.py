from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from atelier.accounts.access import can_see_people_of, people_of
from atelier.accounts.decorators import staff_required
from atelier.companies.selectors import companies_of
from atelier.contacts.access import may_keep_contacts_of
from atelier.lib.htmx import HtmxHttpRequest

from . import selectors
from .forms import OrganisationFilterForm, PopulationImportForm
from .models import PopulationImport
from .services import import_population

PAGE_SIZE = 50
ERRORS_PER_PAGE = 50


@require_GET
def organisation_list(request: HtmxHttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET)
    organisations = selectors.organisation_list(form.to_filter())
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    template = "members/organisation_list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@require_GET
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(selectors.organisations_with_population(), pk=pk)
    context = {
        "organisation": organisation,
        "figures": organisation.population_figures.select_related("population_import"),
        "history": selectors.organisation_history(organisation),
        "linked": organisation.linked_organisations.order_by("name_nl"),
        "may_see_people": can_see_people_of(request.user, organisation),  # type: ignore[arg-type]
        "people": people_of(request.user, organisation),  # type: ignore[arg-type]
        "company_participations": companies_of(organisation),
        "may_keep_contacts": may_keep_contacts_of(request.user, organisation),  # type: ignore[arg-type]
    }
    return render(request, "members/organisation_detail.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def population_import_form(request: HtmxHttpRequest) -> HttpResponse:
    is_post = request.method == "POST"
    form = PopulationImportForm(request.POST, request.FILES) if is_post else PopulationImportForm()
    if is_post and form.is_valid():
        upload = form.cleaned_data["file"]
        record = import_population(
            content=upload.read(),
            file_name=upload.name,
            reference_date=form.cleaned_data["reference_date"],
            ignore_unknown=form.cleaned_data["ignore_unknown"],
            counts=form.cleaned_data["counts"],
            by=request.user,  # type: ignore[arg-type]
        )
        if record.status == PopulationImport.Status.APPLIED:
            messages.success(request, _("The file was imported."))
        else:
            messages.error(request, _("Nothing was imported: the file has errors."))
        if request.htmx:
            return HttpResponseClientRedirect(reverse("members:import_detail", args=[record.pk]))
        return redirect("members:import_detail", pk=record.pk)
    return render(request, "members/population_import_form.html", {"form": form})


@staff_required
@require_GET
def population_import_list(request: HttpRequest) -> HttpResponse:
    # Values and errors can weigh megabytes per import; the list shows neither.
    imports = PopulationImport.objects.select_related("created_by").defer("values", "errors")
    page = Paginator(imports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "members/population_import_list.html", {"page": page})


@staff_required
@require_GET
def population_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(PopulationImport.objects.select_related("created_by"), pk=pk)
    problems = selectors.import_problems(record)
    context = {
        "record": record,
        "problems": problems,
        "page": Paginator(problems.lines, ERRORS_PER_PAGE).get_page(request.GET.get("page")),
    }
    return render(request, "members/population_import_detail.html", context)
