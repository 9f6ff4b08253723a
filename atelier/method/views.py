"""Method library pages: everyone browses the cards, association staff edit them."""

from typing import Any, cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.accounts.models import User

from . import selectors, services
from .forms import LibraryFilterForm, MovePhaseForm, PhaseNamesForm, TechniqueForm
from .models import Phase, Technique

GET_AND_POST = ["GET", "POST"]


def _reader(request: HttpRequest) -> User | None:
    """The signed-in reader, or None for a visitor (the library is public)."""
    return user_of(request) if request.user.is_authenticated else None


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    phases = list(Phase.objects.order_by("position"))
    form = LibraryFilterForm(request.GET, phases=phases)
    filters = selectors.LibraryFilter(
        query=form.value("q"), phase=form.value("phase"), expertise=form.value("expertise")
    )
    techniques = list(selectors.technique_list(filters, user=_reader(request)))
    context = {
        "form": form,
        "groups": selectors.group_by_phase(techniques),
        "count": len(techniques),
        "is_filtered": any([filters.query, filters.phase, filters.expertise]),
    }
    return render(request, "method/library.html", context)


@require_GET
def technique_detail(request: HttpRequest, slug: str) -> HttpResponse:
    technique = get_object_or_404(selectors.visible_techniques(_reader(request)), slug=slug)
    return render(request, "method/technique_detail.html", {"technique": technique})


def _current_values(technique: Technique, form: TechniqueForm) -> list[dict[str, Any]]:
    """The saved values that differ from what the person typed, to compare before saving."""
    current = Technique.objects.get(pk=technique.pk)
    rows = []
    for name in form.Meta.fields:
        saved, typed = getattr(current, name), form.cleaned_data.get(name)
        if saved != typed:
            display = getattr(current, f"get_{name}_display", None)
            shown = display() if display else saved
            rows.append({"label": form.fields[name].label, "value": shown})
    return rows


def _edit(request: HttpRequest, technique: Technique | None) -> HttpResponse:
    form = TechniqueForm(request.POST or None, instance=technique)
    current_values: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        revision = form.cleaned_data["revision"] or 0
        try:
            saved = services.save_technique(
                technique=technique, data=form.changes(), revision=revision, by=user_of(request)
            )
        except services.StaleTechnique as refusal:
            assert technique is not None  # noqa: S101 (a new card cannot be stale)
            current_values = _current_values(technique, form)
            form = _form_for_second_try(form, technique)
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The technique is saved."))
            return redirect("method:technique", slug=saved.slug)
    context = {"form": form, "technique": technique, "current_values": current_values}
    return render(request, "method/technique_form.html", context)


def _request_data_copy(form: TechniqueForm) -> QueryDict:
    return cast(QueryDict, form.data).copy()


def _form_for_second_try(form: TechniqueForm, technique: Technique) -> TechniqueForm:
    """The person's input again, now against the current revision, so a second save wins."""
    data = _request_data_copy(form)
    data["revision"] = str(
        Technique.objects.values_list("revision", flat=True).get(pk=technique.pk)
    )
    second = TechniqueForm(data, instance=Technique.objects.get(pk=technique.pk))
    second.is_valid()
    return second


@staff_required
@require_http_methods(GET_AND_POST)
def technique_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@staff_required
@require_http_methods(GET_AND_POST)
def technique_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _edit(request, get_object_or_404(Technique.objects.select_related("phase"), slug=slug))


@staff_required
@require_http_methods(GET_AND_POST)
def phases(request: HttpRequest) -> HttpResponse:
    form = PhaseNamesForm(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid():
        try:
            phase = services.add_phase(by=user_of(request), **form.cleaned_data)
        except services.MethodRefusal as refusal:
            form.add_error("name_nl", refusal.message)
        else:
            messages.success(request, _("Phase “%(name)s” added.") % {"name": phase.name})
            return redirect("method:phases")
    context = {"phases": selectors.phases_with_counts(), "form": form}
    return render(request, "method/phases.html", context)


@staff_required
@require_POST
def phase_rename(request: HttpRequest, slug: str) -> HttpResponse:
    phase = get_object_or_404(Phase, slug=slug)
    form = PhaseNamesForm(request.POST, prefix=slug)
    if form.is_valid():
        services.rename_phase(phase=phase, by=user_of(request), **form.cleaned_data)
        messages.success(request, _("Phase renamed."))
    else:
        messages.error(request, _("A phase needs a Dutch name."))
    return redirect("method:phases")


@staff_required
@require_POST
def phase_move(request: HttpRequest, slug: str) -> HttpResponse:
    phase = get_object_or_404(Phase, slug=slug)
    form = MovePhaseForm(request.POST)
    if form.is_valid():
        services.move_phase(
            phase=phase, direction=form.cleaned_data["direction"], by=user_of(request)
        )
    return redirect("method:phases")


@staff_required
@require_POST
def phase_delete(request: HttpRequest, slug: str) -> HttpResponse:
    phase = get_object_or_404(Phase, slug=slug)
    try:
        services.delete_phase(phase=phase, by=user_of(request))
    except services.MethodRefusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Phase deleted."))
    return redirect("method:phases")
