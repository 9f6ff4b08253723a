"""The fit check pages: the questionnaire with a project's checks, one result, its PDF."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from atelier.accounts.access import user_of
from atelier.accounts.models import User
from atelier.guidance.models import FitCheck, RuleSet, RuleSetKind
from atelier.guidance.services.fit import record_fit_check, score_fit
from atelier.guidance.services.rules import current_rules, text
from atelier.lib.pdf import html_to_pdf
from atelier.projects.access import can_edit, get_project_for_user, projects_visible_to
from atelier.projects.models import Project

OUTCOME_LABELS = {"go": _("go"), "partly": _("partly"), "not_now": _("not now")}
BAR_WIDTH, BAR_HEIGHT, ROW_HEIGHT, LABEL_WIDTH = 300, 22, 36, 260


def _language() -> str:
    return translation.get_language() or "nl"


def get_fit_check_for_user(user: User, check_pk: int) -> FitCheck:
    """The check, or 404 when its project is not visible to this person."""
    check = (
        FitCheck.objects.filter(pk=check_pk, project__in=projects_visible_to(user))
        .select_related("project", "rules", "created_by")
        .first()
    )
    if check is None:
        raise Http404
    return check


def _questionnaire(data: dict, chosen: dict[str, str], missing: bool) -> list[dict[str, Any]]:
    """The questions grouped per dimension, with the chosen option marked."""
    language = _language()
    groups = []
    for dimension in data["dimensions"]:
        questions = [
            {
                "key": question["key"],
                "text": text(question["text"], language),
                "unanswered": missing and question["key"] not in chosen,
                "options": [
                    {
                        "key": option["key"],
                        "label": text(option["label"], language),
                        "checked": chosen.get(question["key"]) == option["key"],
                    }
                    for option in question["options"]
                ],
            }
            for question in data["questions"]
            if question["dimension"] == dimension["key"]
        ]
        groups.append({"title": text(dimension["title"], language), "questions": questions})
    return groups


def _history(project: Project) -> list[dict[str, Any]]:
    checks = FitCheck.objects.filter(project=project).select_related("rules", "created_by")
    return [
        {
            "check": check,
            "label": OUTCOME_LABELS.get(check.result.get("recommendation", ""), ""),
            "percent": check.result.get("percent"),
        }
        for check in checks
    ]


def _posted_answers(request: HttpRequest, data: dict) -> dict[str, str]:
    posted = {
        question["key"]: request.POST.get(question["key"], "") for question in data["questions"]
    }
    return {key: value for key, value in posted.items() if value}


def _fit_page(
    request: HttpRequest, project: Project, rules: RuleSet, answers: dict | None, error: str = ""
) -> HttpResponse:
    history = _history(project)
    latest = history[0]["check"] if history else None
    if answers is None:  # a new round starts from the latest answers
        answers = dict(latest.answers) if latest else {}
    language = _language()
    context = {
        "project": project,
        "groups": _questionnaire(rules.data, answers, missing=bool(error)),
        "may_edit": can_edit(user_of(request), project),
        "error": error,
        "history": history,
        "latest": latest,
        "latest_result": score_fit(latest.rules.data, latest.answers, language) if latest else None,
    }
    return render(request, "guidance/fit/fit.html", context, status=400 if error else 200)


@login_required
def fit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    project = get_project_for_user(user, pk, write=request.method == "POST")
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    rules = current_rules(RuleSetKind.FIT_CHECK)
    if request.method == "GET":
        return _fit_page(request, project, rules, None)
    answers = _posted_answers(request, rules.data)
    try:
        check = record_fit_check(project=project, answers=answers, by=user)
    except ValidationError as refusal:
        return _fit_page(request, project, rules, answers, error=" ".join(refusal.messages))
    return redirect("guidance:fit_result", check_pk=check.pk)


def _bars(result: dict[str, Any]) -> dict[str, Any]:
    """Geometry of the horizontal bar chart: one bar per dimension, then the total."""
    rows = [(row["title"], row["percent"]) for row in result["dimensions"]]
    rows.append((str(_("Total")), result["percent"]))
    bars = [
        {
            "title": title,
            "percent": percent,
            "y": index * ROW_HEIGHT,
            "text_y": index * ROW_HEIGHT + BAR_HEIGHT - 6,
            "width": round(BAR_WIDTH * percent / 100),
            "total": index == len(rows) - 1,
        }
        for index, (title, percent) in enumerate(rows)
    ]
    return {
        "bars": bars,
        "label_width": LABEL_WIDTH,
        "bar_width": BAR_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": LABEL_WIDTH + BAR_WIDTH + 60,
        "height": len(rows) * ROW_HEIGHT,
    }


def _result_context(request: HttpRequest, check_pk: int) -> dict[str, Any]:
    check = get_fit_check_for_user(user_of(request), check_pk)
    result = score_fit(check.rules.data, check.answers, _language())
    return {
        "check": check,
        "project": check.project,
        "result": result,
        "label": OUTCOME_LABELS[result["recommendation"]],
        "chart": _bars(result),
    }


@login_required
def fit_result(request: HttpRequest, check_pk: int) -> HttpResponse:
    context = _result_context(request, check_pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return render(request, "guidance/fit/result.html", context)


@login_required
def fit_pdf(request: HttpRequest, check_pk: int) -> HttpResponse:
    context = _result_context(request, check_pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    html = render_to_string("guidance/fit/result_pdf.html", context, request=request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="fit-check-{check_pk}.pdf"'
    return response
