"""Level 1 workshop mode: a trainer presents a case slide by slide."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from atelier.academy.models import WorkshopCase
from atelier.accounts.decorators import staff_required


@staff_required
def workshop_cases(request: HttpRequest) -> HttpResponse:
    cases = WorkshopCase.objects.all()
    return render(request, "academy/workshop/case_list.html", {"cases": cases})


@staff_required
def workshop(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(WorkshopCase, slug=slug)
    slides = list(case.slides.select_related("canvas"))
    current = _slide_number(request.GET.get("slide"), len(slides))
    context = {
        "case": case,
        "slides": slides,
        "current": current,
        "total": len(slides),
        # The projected view (?view=screen) shows the slides only; the trainer's window
        # keeps the notes, the next slide and the clock, and moves the screen along.
        "screen": request.GET.get("view") == "screen",
    }
    return render(request, "academy/workshop/presenter.html", context)


def _slide_number(raw: str | None, total: int) -> int:
    """The asked-for slide, 1-based, kept within the case (a bad value shows the first)."""
    try:
        number = int(raw or 1)
    except ValueError:
        number = 1
    return min(max(number, 1), max(total, 1))
