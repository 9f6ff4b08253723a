"""A project records its outcomes as it closes: services, citizens reached, maturity."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from atelier.academy.models import ProjectOutcome, ServiceChange
from atelier.academy.services.impact import ServiceLine, record_outcome
from atelier.accounts.access import user_of
from atelier.guidance.models import MaturityRound
from atelier.lib.forms import Form, date_field
from atelier.projects.access import get_project_for_user
from atelier.projects.models import Project


class OutcomeForm(Form):
    closed_on = date_field(gettext_lazy("Closed on"))
    citizens_reached = forms.IntegerField(
        label=gettext_lazy("Citizens reached"), min_value=0, max_value=10_000_000
    )
    citizens_estimate = forms.CharField(
        label=gettext_lazy("How you estimated the number of citizens"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    maturity_before = forms.ModelChoiceField(
        label=gettext_lazy("Maturity round before the learning path"),
        queryset=MaturityRound.objects.none(),
        required=False,
    )
    maturity_after = forms.ModelChoiceField(
        label=gettext_lazy("Maturity round after the learning path"),
        queryset=MaturityRound.objects.none(),
        required=False,
    )

    def __init__(self, *args, project: Project, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        rounds = MaturityRound.objects.filter(organisation=project.organisation_id)
        for name in ("maturity_before", "maturity_after"):
            self.fields[name].queryset = rounds  # type: ignore[attr-defined]


class ServiceForm(Form):
    what = forms.CharField(label=gettext_lazy("Service"), max_length=200, required=False)
    change = forms.ChoiceField(label=gettext_lazy("Change"), choices=ServiceChange.choices)
    on = date_field(gettext_lazy("Since"), required=False)

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        if data.get("what") and not data.get("on"):
            self.add_error("on", _("Say since when."))
        return data


ServiceFormSet = forms.formset_factory(ServiceForm, extra=3, max_num=20, absolute_max=20)


def _initial(outcome: ProjectOutcome | None) -> tuple[dict, list[dict]]:
    if outcome is None:
        return {"closed_on": timezone.localdate()}, []
    fields = {
        "closed_on": outcome.closed_on,
        "citizens_reached": outcome.citizens_reached,
        "citizens_estimate": outcome.citizens_estimate,
        "maturity_before": outcome.maturity_before_id,
        "maturity_after": outcome.maturity_after_id,
    }
    services = [{"what": s.what, "change": s.change, "on": s.on} for s in outcome.services.all()]
    return fields, services


@login_required
@require_http_methods(["GET", "POST"])
def project_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_user(user_of(request), pk, write=True)
    fields, services = _initial(ProjectOutcome.objects.filter(project=project).first())
    data = request.POST if request.method == "POST" else None
    form = OutcomeForm(data, initial=fields, project=project)
    formset = ServiceFormSet(data, initial=services, prefix="services")
    if data is not None and form.is_valid() and formset.is_valid():
        lines = [
            ServiceLine(
                what=f.cleaned_data["what"],
                change=f.cleaned_data["change"],
                on=f.cleaned_data["on"],
            )
            for f in formset.forms
            if f.cleaned_data.get("what")
        ]
        try:
            record_outcome(
                project=project, **form.cleaned_data, services=lines, by=user_of(request)
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("The project is closed and its outcomes are recorded."))
            return redirect("projects:detail", pk=project.pk)
    context = {"project": project, "form": form, "formset": formset}
    return render(request, "academy/impact/outcome.html", context)
