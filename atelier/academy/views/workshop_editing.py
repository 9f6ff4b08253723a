"""Staff edit the level 1 workshop cases and their slides (the admin offers the same form)."""

from copy import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from atelier.academy.forms import CaseSlideForm, WorkshopCaseForm
from atelier.academy.models import CaseSlide, WorkshopCase
from atelier.academy.selectors.workshop import slides_for_editing
from atelier.academy.services import workshop as services
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required


@staff_required
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    form = WorkshopCaseForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        case = services.create_case(case=form.instance, by=user_of(request))
        messages.success(request, _("The case was added. Add its slides now."))
        return redirect("academy:workshop_case_edit", slug=case.slug)
    return render(request, "academy/workshop/case_new.html", {"form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(WorkshopCase, slug=slug)
    posted = request.method == "POST"
    # The form changes its own copy: the page keeps the saved title and address.
    form = WorkshopCaseForm(request.POST if posted else None, instance=copy(case))
    seen = request.POST.get("fingerprint", "") if posted else services.case_fingerprint(case)
    current = None
    if posted and form.is_valid():
        try:
            saved = services.update_case(case=form.instance, seen=seen, by=user_of(request))
        except services.StaleCase as stale:
            form.add_error(None, stale)
            current, seen = stale.current, services.case_fingerprint(stale.current)
        else:
            messages.success(request, _("The case was saved."))
            return redirect("academy:workshop_case_edit", slug=saved.slug)
    context = {
        "case": case,
        "form": form,
        "fingerprint": seen,
        "current": current,
        "slides": slides_for_editing(case),
    }
    return render(request, "academy/workshop/case_edit.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def slide_new(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(WorkshopCase, slug=slug)
    posted = request.method == "POST"
    form = CaseSlideForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=CaseSlide(case=case),
    )
    if posted and form.is_valid():
        services.add_slide(slide=form.instance, by=user_of(request))
        messages.success(request, _("The slide was added."))
        return redirect(_back_path(request, case))
    context = {"case": case, "form": form, "next": _next_path(request)}
    return render(request, "academy/workshop/slide_form.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def slide_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case, slide = _case_and_slide(slug, pk)
    posted = request.method == "POST"
    form = CaseSlideForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=copy(slide),  # the page keeps showing the saved image and heading
    )
    seen = request.POST.get("fingerprint", "") if posted else services.slide_fingerprint(slide)
    current = None
    if posted and form.is_valid():
        try:
            services.update_slide(slide=form.instance, seen=seen, by=user_of(request))
        except services.StaleSlide as stale:
            _refuse_stale_slide(form, stale)
            current, seen = stale.current, services.slide_fingerprint(stale.current)
        else:
            messages.success(request, _("The slide was saved."))
            return redirect(_back_path(request, case))
    context = {
        "case": case,
        "slide": slide,
        "form": form,
        "fingerprint": seen,
        "current": current,
        "next": _next_path(request),
    }
    return render(request, "academy/workshop/slide_form.html", context)


@staff_required
@require_POST
def slide_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case, slide = _case_and_slide(slug, pk)
    direction = request.POST.get("direction", "")
    try:
        seen_position = int(request.POST.get("position", ""))
    except ValueError:
        seen_position = -1  # no position seen: refused as an order that changed
    try:
        services.move_slide(
            slide=slide, direction=direction, seen_position=seen_position, by=user_of(request)
        )
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
    else:
        if direction == services.UP:
            moved = _("“%(heading)s” moved up.")
        else:
            moved = _("“%(heading)s” moved down.")
        messages.success(request, moved % {"heading": slide.heading})
    url = reverse("academy:workshop_case_edit", args=[case.slug])
    return redirect(f"{url}#slide-{slide.pk}")


@staff_required
@require_http_methods(["GET", "POST"])
def slide_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case, slide = _case_and_slide(slug, pk)
    posted = request.method == "POST"
    seen = request.POST.get("fingerprint", "") if posted else services.slide_fingerprint(slide)
    refusal = ""
    if posted:
        try:
            services.delete_slide(slide=slide, seen=seen, by=user_of(request))
        except services.StaleSlide as stale:
            refusal = stale.messages[0]
            slide, seen = stale.current, services.slide_fingerprint(stale.current)
        else:
            messages.success(request, _("The slide was deleted."))
            return redirect("academy:workshop_case_edit", slug=case.slug)
    context = {"case": case, "slide": slide, "fingerprint": seen, "refusal": refusal}
    return render(request, "academy/workshop/slide_delete.html", context)


def _case_and_slide(slug: str, pk: int) -> tuple[WorkshopCase, CaseSlide]:
    """The case and one of its own slides, or 404 (also for a slide of another case)."""
    case = get_object_or_404(WorkshopCase, slug=slug)
    return case, get_object_or_404(CaseSlide, pk=pk, case=case)


def _refuse_stale_slide(form: CaseSlideForm, stale: services.StaleSlide) -> None:
    form.add_error(None, stale)
    if form.cleaned_data.get("image_file"):
        # A browser cannot be handed a file back: the person has to choose it again.
        form.add_error("image_file", _("Choose the image again before you save."))


def _next_path(request: HttpRequest) -> str:
    """Where the editor was opened from (the presenter at a slide): a path of this site only."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=set()):
        return target
    return ""


def _back_path(request: HttpRequest, case: WorkshopCase) -> str:
    return _next_path(request) or reverse("academy:workshop_case_edit", args=[case.slug])
