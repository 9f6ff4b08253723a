"""The project pages' forms; the services check the rules, the forms parse the input."""

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atelier.accounts.models import User
from atelier.canvases.models import CanvasState
from atelier.lib.forms import DateInput, Form
from atelier.method.models import ArtefactKind, Phase, Technique

from . import selectors
from .models import Project, ProjectStatus

GRID_KINDS = frozenset({ArtefactKind.JOURNEY, ArtefactKind.BLUEPRINT})


class PhaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Phase) -> str:  # type: ignore[override]
        return obj.name


def phase_field(*, required: bool, label: Any, empty_label: Any = None) -> PhaseChoiceField:
    return PhaseChoiceField(
        queryset=Phase.objects.order_by("position"),
        required=required,
        label=label,
        empty_label=empty_label,
    )


class ProjectCreateForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    problem_statement = forms.CharField(
        label=_("Problem statement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What goes wrong today, for whom, and how you know."),
    )
    target_group = forms.CharField(
        label=_("Target group"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The residents or staff the service is for."),
    )


class ProjectEditForm(ProjectCreateForm):
    status = forms.ChoiceField(label=_("Status"), choices=ProjectStatus.choices)
    revision = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def for_project(cls, project: Project) -> "ProjectEditForm":
        return cls(
            initial={
                "title": project.title,
                "problem_statement": project.problem_statement,
                "target_group": project.target_group,
                "status": project.status,
                "revision": project.revision,
            }
        )


class PhaseForm(Form):
    phase = phase_field(required=True, label=_("Current phase"))


class AddMemberForm(Form):
    user = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Person of the organisation")
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = cast(forms.ModelChoiceField, self.fields["user"])
        people.queryset = selectors.people_who_may_join(project)


class InviteExpertForm(Form):
    email = forms.EmailField(
        label=_("E-mail address of the external expert"),
        help_text=_(
            "An expert works on one project only. Without an account they get an invitation."
        ),
    )


class PlanForm(Form):
    technique = forms.TypedChoiceField(label=_("Technique"), coerce=int)
    phase = phase_field(
        required=False, label=_("In phase"), empty_label=_("the technique's own phase")
    )
    planned_for = forms.DateField(label=_("Planned for"), required=False, widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        technique = cast(forms.TypedChoiceField, self.fields["technique"])
        technique.choices = [("", _("choose a technique")), *selectors.technique_choices()]

    def clean_technique(self) -> Technique:
        technique = (
            Technique.objects.select_related("phase")
            .filter(pk=self.cleaned_data["technique"], is_published=True)
            .first()
        )
        if technique is None:
            raise forms.ValidationError(_("Choose a technique."))
        return technique


class DoneForm(Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"done_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class DecisionForm(Form):
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    title = forms.CharField(label=_("Decision"), max_length=300)
    rationale = forms.CharField(
        label=_("Why"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    decided_by = forms.CharField(
        label=_("Decided by"),
        required=False,
        max_length=200,
        help_text=_("For example: the project team, the steering group, the board of aldermen."),
    )
    phase = phase_field(required=False, label=_("Phase"), empty_label=_("no phase"))

    def __init__(self, *args: Any, project: Project | None = None, **kwargs: Any) -> None:
        initial = {"decided_on": timezone.localdate()}
        if project is not None:
            initial["phase"] = project.current_phase_id  # type: ignore[assignment]
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)


class CanvasForm(Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ArtefactKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    state = forms.ChoiceField(
        label=_("As is or to be"),
        required=False,
        choices=[("", _("not applicable")), *CanvasState.choices],
        help_text=_("For a customer journey map or a service blueprint."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") not in GRID_KINDS:
            data["state"] = ""
        return data
