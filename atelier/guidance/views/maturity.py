"""Maturity rounds: the list, a round's links and results, the public answer form, the cohort."""

import math
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atelier.academy.models import Cohort
from atelier.academy.selectors.learning_path import get_cohort_for_coach
from atelier.accounts.access import user_of
from atelier.accounts.models import User
from atelier.guidance.models import MaturityResponse
from atelier.guidance.services import maturity as services
from atelier.guidance.services.rules import text
from atelier.lib.forms import DateInput, Form
from atelier.members.models import Organisation


class OpenRoundForm(Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"), queryset=Organisation.objects.none()
    )
    name = forms.CharField(
        label=gettext_lazy("Name of the round"),
        max_length=200,
        help_text=gettext_lazy("For example “before the learning path” or “one year later”."),
    )
    opened_on = forms.DateField(label=gettext_lazy("Opened on"), widget=DateInput())
    cohort = forms.ModelChoiceField(
        label=gettext_lazy("Cohort"), queryset=Cohort.objects.none(), required=False
    )
    shared_with_cohort = forms.BooleanField(
        label=gettext_lazy("Show our name to the cohort's coach"),
        required=False,
        help_text=gettext_lazy("Otherwise the coach sees your results as “Organisation A”, “B”, …"),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
        cohort = cast(forms.ModelChoiceField, self.fields["cohort"])
        if user.is_association_staff:
            organisation.queryset = Organisation.objects.current()
            cohort.queryset = Cohort.objects.all()
        else:
            del self.fields["organisation"]
            cohort.queryset = Cohort.objects.filter(
                teams__organisation_id=user.organisation_id or 0
            )


class InviteForm(Form):
    people = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Colleagues with an Atelier account"),
        help_text=gettext_lazy(
            "They find the survey on their home and get a notification; the results "
            "never show who answered what."
        ),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    labels = forms.CharField(
        label=gettext_lazy("Other respondents, one role per line"),
        help_text=gettext_lazy(
            "A role is enough, for example “head of the registry office”; no names needed. "
            "Pass each link on yourself."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args: Any, round: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        invited = round.responses.filter(person__isnull=False).values("person_id")
        people = cast(forms.ModelMultipleChoiceField, self.fields["people"])
        people.queryset = (
            User.objects.filter(organisation_id=round.organisation_id, is_active=True)
            .exclude(pk__in=invited)
            .order_by("last_name", "first_name", "pk")
        )
        if not people.queryset.exists():
            del self.fields["people"]


@login_required
def rounds(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    may_open = user.is_association_staff or services.may_manage(user, user.organisation_id or 0)
    form = None
    if may_open:
        form = OpenRoundForm(
            request.POST or None, user=user, initial={"opened_on": timezone.localdate()}
        )
    if request.method == "POST":
        if form is None:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                opened = _open(form, user)
            except ValidationError as error:
                form.add_error("name", error)
            else:
                messages.success(request, _("The round is open. Invite the respondents."))
                return redirect("guidance:maturity_round", opened.pk)
    context = {
        "rounds": services.rounds_visible_to(user),
        "form": form,
        "show_organisation": user.is_association_staff,
    }
    return render(request, "guidance/maturity/list.html", context)


def _open(form: OpenRoundForm, user: User) -> Any:
    data = form.cleaned_data
    return services.open_round(
        organisation=data.get("organisation")
        or Organisation.objects.get(pk=user.organisation_id or 0),
        name=data["name"],
        opened_on=data["opened_on"],
        cohort=data["cohort"],
        shared_with_cohort=data["shared_with_cohort"],
        by=user,
    )


@login_required
def round_detail(request: HttpRequest, round_pk: int) -> HttpResponse:
    user = user_of(request)
    found = services.get_round_for_user(user, round_pk)
    language = _current_language(request)
    result = services.aggregate(found, language)
    previous = services.previous_round(found)
    series = [(found.name, result)]
    if previous is not None:
        series.append((previous.name, services.aggregate(previous, language)))
    trend = services.trend(found.organisation, language)
    may_manage = services.may_manage(user, found.organisation_id)
    context = {
        "round": found,
        "result": result,
        "radar": radar_chart(series),
        "series": series,
        "trend": trend,
        "trend_chart": trend_chart(trend),
        "next_steps": services.next_steps(result, found.rules.data, language),
        "may_manage": may_manage,
        "links": _links(request, found) if may_manage else [],
        "invite_form": InviteForm(round=found) if may_manage and found.closed_at is None else None,
    }
    return render(request, "guidance/maturity/round.html", context)


def _links(request: HttpRequest, found: Any) -> list[tuple[MaturityResponse, str]]:
    return [
        (
            response,
            request.build_absolute_uri(reverse("guidance:maturity_respond", args=[response.token])),
        )
        for response in found.responses.select_related("person")
    ]


@login_required
def round_invite(request: HttpRequest, round_pk: int) -> HttpResponse:
    user = user_of(request)
    found = services.get_round_for_user(user, round_pk)  # 404 first, for other organisations
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = InviteForm(request.POST, round=found)
    if not form.is_valid():
        messages.error(request, _("Choose colleagues from the list or type roles."))
    else:
        try:
            created = services.invite(
                round=found,
                labels=form.cleaned_data["labels"].splitlines(),
                people=form.cleaned_data.get("people") or [],
                by=user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(count)s invitation links made.") % {"count": len(created)}
            )
    return redirect("guidance:maturity_round", found.pk)


@login_required
def round_close(request: HttpRequest, round_pk: int) -> HttpResponse:
    user = user_of(request)
    found = services.get_round_for_user(user, round_pk)  # 404 first, for other organisations
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.close_round(round=found, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The round is closed."))
    return redirect("guidance:maturity_round", found.pk)


def respond(request: HttpRequest, token: str) -> HttpResponse:
    response = get_object_or_404(
        MaturityResponse.objects.select_related("round__rules", "round__organisation"), token=token
    )
    problem = ""
    if (
        request.method == "POST"
        and response.submitted_at is None
        and response.round.closed_at is None
    ):
        try:
            services.submit_response(token=token, answers=request.POST.dict())
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            return redirect("guidance:maturity_respond", token)
    context = {
        "response": response,
        "round": response.round,
        "areas": _questions(response.round.rules.data, _current_language(request), request.POST),
        "problem": problem,
    }
    return render(request, "guidance/maturity/respond.html", context)


def _questions(data: dict[str, Any], language: str, posted: Any) -> list[dict[str, Any]]:
    return [
        {
            "name": text(area["name"], language),
            "criteria": [
                {
                    "key": c["key"],
                    "text": text(c["text"], language),
                    "chosen": posted.get(c["key"], ""),
                    "options": [
                        (str(score), text(c["levels"].get(str(score)), language))
                        for score in range(1, 6)
                    ],
                }
                for c in area["criteria"]
            ],
        }
        for area in data["areas"]
    ]


@login_required
def cohort(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    user = user_of(request)
    found = get_cohort_for_coach(user, cohort_pk)
    comparison = services.cohort_comparison(found, user, _current_language(request))
    return render(
        request, "guidance/maturity/cohort.html", {"cohort": found, "comparison": comparison}
    )


def _current_language(request: HttpRequest) -> str:
    return (getattr(request, "LANGUAGE_CODE", "") or "nl")[:2]


# Charts: coordinates for the inline SVG templates ---------------------------------------

RADAR_CENTRE, RADAR_RADIUS = (320.0, 200.0), 140.0


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADAR_RADIUS * value / 5
    return (
        round(RADAR_CENTRE[0] + distance * math.cos(angle), 1),
        round(RADAR_CENTRE[1] + distance * math.sin(angle), 1),
    )


def _points(values: list[float]) -> str:
    return " ".join(
        f"{x},{y}" for x, y in (_point(i, len(values), v) for i, v in enumerate(values))
    )


def _label_lines(name: str) -> list[str]:
    words = name.split()
    if len(name) <= 18 or len(words) < 2:
        return [name]
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(name) / 2))
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def radar_chart(series: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Axes, rings and one polygon per round (values 0–5 from the centre)."""
    areas = series[0][1]["areas"]
    count = len(areas)
    axes = []
    for index, area in enumerate(areas):
        end = _point(index, count, 5)
        label = _point(index, count, 5.6)
        anchor = (
            "middle"
            if abs(label[0] - RADAR_CENTRE[0]) < 20
            else ("start" if label[0] > RADAR_CENTRE[0] else "end")
        )
        axes.append(
            {
                "name": area["name"],
                "end": end,
                "label": label,
                "anchor": anchor,
                "lines": _label_lines(area["name"]),
            }
        )
    rings = [{"value": v, "points": _points([v] * count)} for v in range(1, 6)]
    medians = [{a["key"]: a["median"] for a in result["areas"]} for _name, result in series]
    polygons = [
        {
            "name": name,
            "points": _points([m.get(a["key"]) or 0 for a in areas]),
            "style": index,
            "legend_y": 400 + 24 * index,
        }
        for index, ((name, result), m) in enumerate(zip(series, medians, strict=True))
        if result["respondents"]
    ]
    rows = [(area["name"], [m.get(area["key"]) for m in medians]) for area in areas]
    return {
        "axes": axes,
        "rings": rings,
        "polygons": polygons,
        "rows": rows,
        "names": [name for name, _r in series],
    }


TREND_PANEL = (240, 110)  # width, height of one area's small chart


def trend_chart(trend: dict[str, Any]) -> dict[str, Any]:
    """One small line chart per area: rounds left to right, medians 1–5 bottom to top."""
    count = len(trend["rounds"])
    width, height = TREND_PANEL
    panels = []
    for index, area in enumerate(trend["areas"]):
        left, top = (index % 3) * (width + 20), (index // 3) * (height + 20)
        points = [
            (
                round(left + 20 + (width - 40) * (i / (count - 1) if count > 1 else 0.5), 1),
                round(top + 30 + (height - 45) * (5 - m) / 4, 1),
            )
            for i, m in enumerate(area["medians"])
            if m is not None
        ]
        panels.append(
            {
                "name": area["name"],
                "left": left,
                "top": top,
                "points": points,
                "line": " ".join(f"{x},{y}" for x, y in points),
            }
        )
    rows = math.ceil(len(panels) / 3)
    return {
        "panels": panels,
        "width": 3 * width + 40,
        "height": rows * (height + 20),
        "panel_width": width,
        "panel_height": height,
    }
