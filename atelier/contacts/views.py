import csv
import io
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.lib.spreadsheet_cells import safe_cell

from . import selectors
from .access import get_contact_for_user, get_organisation_for_contacts
from .forms import (
    ContactForm,
    ContactImportForm,
    EndFunctionForm,
    FunctionForm,
    NewTermForm,
)
from .models import Contact, Function
from .services import (
    ContactError,
    add_function,
    end_function,
    erase_contact,
    export_contact,
    import_contacts,
    save_contact,
    start_new_term,
)


@login_required
@require_GET
def contact_list(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_contacts(user_of(request), pk)
    context = {
        "organisation": organisation,
        "contacts": selectors.contacts_of(organisation),
        "term_form": NewTermForm(),
    }
    return render(request, "contacts/contact_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_contacts(user_of(request), pk)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = save_contact(
            contact=None, organisation=organisation, by=user_of(request), **form.cleaned_data
        )
        messages.success(request, _("The contact was saved."))
        return redirect("contacts:detail", pk=contact.pk)
    return render(
        request, "contacts/contact_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(user_of(request), pk)
    form = ContactForm(request.POST or None, initial=_initial(contact))
    if request.method == "POST" and form.is_valid():
        save_contact(
            contact=contact,
            organisation=contact.organisation,
            by=user_of(request),
            **form.cleaned_data,
        )
        messages.success(request, _("The contact was saved."))
        return redirect("contacts:detail", pk=contact.pk)
    return _detail(request, contact, form)


def _initial(contact: Contact) -> dict[str, object]:
    fields = ("first_name", "last_name", "email", "phone", "language", "lawful_basis")
    return {name: getattr(contact, name) for name in fields}


def _detail(
    request: HttpRequest,
    contact: Contact,
    form: ContactForm,
    function_form: FunctionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "contact": contact,
        "organisation": contact.organisation,
        "form": form,
        "functions": contact.functions.prefetch_related("topics").order_by("ends_on", "-starts_on"),
        "function_form": function_form or FunctionForm(),
        "end_form": EndFunctionForm(),
    }
    return render(request, "contacts/contact_detail.html", context, status=status)


@login_required
@require_POST
def function_add(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(user_of(request), pk)
    form = FunctionForm(request.POST)
    if form.is_valid():
        try:
            add_function(contact=contact, by=user_of(request), **form.cleaned_data)
        except ContactError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The function was added."))
            return redirect("contacts:detail", pk=contact.pk)
    return _detail(request, contact, ContactForm(initial=_initial(contact)), form, status=400)


@login_required
@require_POST
def function_end(request: HttpRequest, pk: int, function_pk: int) -> HttpResponse:
    contact = get_contact_for_user(user_of(request), pk)
    function = get_object_or_404(Function, pk=function_pk, contact=contact)
    form = EndFunctionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date the function ends."))
        return redirect("contacts:detail", pk=contact.pk)
    try:
        end_function(function=function, ends_on=form.cleaned_data["ends_on"], by=user_of(request))
    except ContactError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The end of the function was recorded."))
    return redirect("contacts:detail", pk=contact.pk)


@login_required
@require_POST
def new_term(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_contacts(user_of(request), pk)
    form = NewTermForm(request.POST)
    if form.is_valid():
        ended = start_new_term(organisation=organisation, by=user_of(request), **form.cleaned_data)
        messages.success(
            request,
            _("New term started: %(count)s elected functions of the old term ended.")
            % {"count": ended},
        )
    else:
        messages.error(request, _("Give the date the new term starts."))
    return redirect("contacts:list", pk=organisation.pk)


@login_required
@require_GET
def contact_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    contact = get_contact_for_user(user_of(request), pk)
    data = export_contact(contact=contact)
    name = f"contact-{contact.pk}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
        )
    elif fmt == "csv":
        response = HttpResponse(_export_csv(data), content_type="text/csv; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _export_csv(data: dict) -> str:
    """Two tables in one file: the person's fields, then one row per function."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["field", "value"])
    for key, value in data["contact"].items():
        writer.writerow([key, safe_cell(value)])
    writer.writerow([])
    writer.writerow(["function", "function_text", "portfolios", "from", "until"])
    for f in data["functions"]:
        writer.writerow(
            [
                f["function"],
                f["function_text"],
                safe_cell(" | ".join(f["portfolios"])),
                f["from"],
                f["until"] or "",
            ]
        )
    return buffer.getvalue()


@login_required
@require_POST
def contact_erase(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    contact = get_contact_for_user(user, pk)
    if not user.is_association_staff:
        raise PermissionDenied
    organisation_pk = contact.organisation_id
    erase_contact(contact=contact, by=user)
    messages.success(request, _("The contact's personal data was erased."))
    return redirect("contacts:list", pk=organisation_pk)


@login_required
@require_http_methods(["GET", "POST"])
def contact_import(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_contacts(user_of(request), pk)
    is_post = request.method == "POST"
    form = ContactImportForm(request.POST, request.FILES) if is_post else ContactImportForm()
    result = None
    if is_post and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_contacts(
            organisation=organisation,
            content=upload.read(),
            file_name=upload.name,
            lawful_basis=form.cleaned_data["lawful_basis"],
            by=user_of(request),
        )
        if result.applied:
            messages.success(request, _("The file was imported."))
        else:
            messages.error(request, _("Nothing was imported: the file has errors."))
    context = {"form": form, "result": result, "organisation": organisation}
    return render(request, "contacts/contact_import.html", context)
