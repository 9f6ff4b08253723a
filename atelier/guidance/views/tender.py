"""Tender builder pages: the project's tenders, the builder, and the DOCX and PDF exports.

A tender is reached through its project (team and coordinators write, association staff
read, others 404); a juror who is not on the team may read the builder too.
"""

import re
from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atelier.accounts.access import user_of
from atelier.api.auth import accepts_api_token
from atelier.guidance.models import Criterion, CriterionFamily, ExpertisePlan, Tender, TenderJuror
from atelier.guidance.services import tender as services
from atelier.guidance.services.tender_documents import tender_docx, tender_pdf
from atelier.lib.forms import DateInput
from atelier.lib.money import parse_amount
from atelier.projects.access import can_edit, get_project_for_user
from atelier.projects.models import Project

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TIMELINE_LINE = re.compile(r"^\s*(\d{1,3})\s*[:|–-]\s*(.+?)\s*$")
LANGUAGE_CHOICES = [("nl", gettext_lazy("Dutch")), ("en", gettext_lazy("English"))]


class TenderCreateForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the tender"), max_length=200)
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the documents"), choices=LANGUAGE_CHOICES
    )


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class TenderForm(forms.Form):
    """The builder's texts; a scope and a deliverables field per phase of the tender."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    estimated_value = forms.CharField(label=gettext_lazy("Estimated value excl. VAT (euro)"))
    dated_on = forms.DateField(
        label=gettext_lazy("Date of the tender"),
        help_text=gettext_lazy(
            "When it is published or sent to the designers: it decides which thresholds apply."
        ),
        widget=DateInput(),
        required=False,
    )
    subject = forms.CharField(
        label=gettext_lazy("Subject of the contract"), widget=forms.Textarea, required=False
    )
    knowledge_transfer = forms.CharField(
        label=gettext_lazy("Knowledge-transfer clause"), widget=forms.Textarea
    )
    price_formula = forms.CharField(label=gettext_lazy("Price formula"), widget=forms.Textarea)
    timeline = forms.CharField(
        label=gettext_lazy("Timeline"),
        help_text=gettext_lazy("One step a line: the week after publication, a colon, the step."),
        widget=forms.Textarea,
    )
    jury_roles = forms.CharField(label=gettext_lazy("Jury, one role a line"), widget=forms.Textarea)
    contact = forms.CharField(label=gettext_lazy("Contact"), required=False)

    def __init__(self, *args: Any, tender: Tender, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in tender.content.get("scope", []):
            label = _("Scope: %(phase)s") % {"phase": item["name"]}
            self.fields[f"scope_{slugify(item['phase'])}"] = forms.CharField(
                label=label, widget=forms.Textarea
            )
        for item in tender.content.get("deliverables", []):
            label = _("Deliverables: %(phase)s (one a line)") % {"phase": item["name"]}
            field = forms.CharField(
                label=label, widget=forms.Textarea(attrs={"rows": 3}), required=False
            )
            self.fields[f"deliverables_{slugify(item['phase'])}"] = field
        self.order_fields(
            ["revision", "title", "estimated_value", "dated_on", "subject", *self.fields]
        )
        self.tender = tender

    @classmethod
    def for_tender(cls, tender: Tender) -> "TenderForm":
        content = tender.content
        initial = {
            key: content.get(key, "")
            for key in ("subject", "knowledge_transfer", "price_formula", "contact")
        }
        initial |= {
            "revision": tender.revision,
            "title": tender.title,
            "estimated_value": f"{tender.estimated_value:.2f}",
            "dated_on": tender.dated_on,
            "timeline": "\n".join(f"{s['week']}: {s['step']}" for s in content.get("timeline", [])),
            "jury_roles": "\n".join(content.get("jury_roles", [])),
        }
        initial |= {f"scope_{slugify(i['phase'])}": i["text"] for i in content.get("scope", [])}
        for item in content.get("deliverables", []):
            initial[f"deliverables_{slugify(item['phase'])}"] = "\n".join(item["items"])
        return cls(initial=initial, tender=tender)

    def clean_estimated_value(self) -> Decimal:
        try:
            return parse_amount(self.cleaned_data["estimated_value"])
        except ValueError:
            raise ValidationError(_("Write an amount, such as 45.000,00.")) from None

    def clean_timeline(self) -> list[tuple[int, str]]:
        steps = []
        for line in _lines(self.cleaned_data["timeline"]):
            match = TIMELINE_LINE.match(line)
            if match is None:
                raise ValidationError(_("Write each step as “week: step”, e.g. “5: Offers due”."))
            steps.append((int(match.group(1)), match.group(2)))
        return steps

    def service_arguments(self) -> dict[str, Any]:
        data, content = self.cleaned_data, self.tender.content
        return {
            "revision": data["revision"],
            "title": data["title"],
            "estimated_value": data["estimated_value"],
            "dated_on": data["dated_on"],
            "texts": {
                k: data[k] for k in ("subject", "knowledge_transfer", "price_formula", "contact")
            },
            "scope": {
                i["phase"]: data[f"scope_{slugify(i['phase'])}"] for i in content.get("scope", [])
            },
            "deliverables": {
                i["phase"]: _lines(data[f"deliverables_{slugify(i['phase'])}"])
                for i in content.get("deliverables", [])
            },
            "timeline": data["timeline"],
            "jury_roles": _lines(data["jury_roles"]),
        }


class CriterionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=gettext_lazy("Criterion"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("What is asked and how it is judged"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    weight = forms.IntegerField(
        label=gettext_lazy("Weight"), min_value=0, max_value=100, initial=0, required=False
    )

    def clean_weight(self) -> int:
        return self.cleaned_data["weight"] or 0


class ScoredCriterionForm(CriterionForm):
    """An award criterion the jury scores: with what a 0, 4, 7 and 10 look like."""

    level_0 = forms.CharField(label=gettext_lazy("A score of 0"), required=False)
    level_4 = forms.CharField(label=gettext_lazy("A score of 4"), required=False)
    level_7 = forms.CharField(label=gettext_lazy("A score of 7"), required=False)
    level_10 = forms.CharField(label=gettext_lazy("A score of 10"), required=False)


class AddCriterionForm(CriterionForm):
    family = forms.ChoiceField(label=gettext_lazy("Family"), choices=CriterionFamily.choices)


def _criterion_form(tender: Tender, criterion: Criterion, data: Any = None) -> CriterionForm:
    scored = criterion.family == CriterionFamily.AWARD and not criterion.is_price
    levels = services.descriptors_of(tender, criterion)
    initial = {
        "revision": tender.revision,
        "name": criterion.name,
        "description": criterion.description,
    }
    initial |= {"weight": criterion.weight} | {f"level_{k}": v for k, v in levels.items()}
    form_class = ScoredCriterionForm if scored else CriterionForm
    return form_class(data, initial=initial, prefix=f"criterion-{criterion.pk}")


TenderView = Callable[..., HttpResponse]


def latest_plan(project: Project) -> ExpertisePlan | None:
    return ExpertisePlan.objects.filter(project=project).first()


def tender_for_user(request: HttpRequest, tender_pk: int, *, write: bool = False) -> Tender:
    """The tender through its project (404 for others); jurors off the team may only read it."""
    user = user_of(request)
    tender = get_object_or_404(Tender.objects.select_related("rules", "plan"), pk=tender_pk)
    try:
        tender.project = get_project_for_user(user, tender.project_id, write=write)
    except Http404:
        if not TenderJuror.objects.filter(tender=tender, person=user).exists():
            raise
        if write:
            raise PermissionDenied from None
        tender.project = Project.objects.select_related("organisation").get(pk=tender.project_id)
    return tender


def tender_view(*methods: str) -> Callable[[TenderView], TenderView]:
    """Resolve the tender first (404 for others), then the method; POST needs write access."""

    def decorator(view: TenderView) -> TenderView:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, tender_pk: int, **kwargs: Any) -> HttpResponse:
            tender = tender_for_user(request, tender_pk, write=request.method == "POST")
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, tender, **kwargs)

        return wrapped

    return decorator


def _render_list(
    request: HttpRequest, project: Project, form: TenderCreateForm | None = None
) -> HttpResponse:
    tenders = list(Tender.objects.filter(project=project).select_related("rules"))
    rows = [
        (t, services.procedure_for(t.estimated_value, t.rules.data, on=t.dated_on)) for t in tenders
    ]
    context = {
        "project": project,
        "rows": rows,
        "may_edit": can_edit(user_of(request), project),
        "plan": latest_plan(project),
        "form": form or TenderCreateForm(initial={"language": "nl"}),
    }
    return render(request, "guidance/tender/tender_list.html", context)


@login_required
def tenders(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_user(user_of(request), pk, write=request.method == "POST")
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = TenderCreateForm(request.POST) if request.method == "POST" else None
    if form is None or not form.is_valid():
        return _render_list(request, project, form)
    arguments = form.cleaned_data | {"project": project, "plan": latest_plan(project)}
    try:
        tender = services.create_tender(**arguments, by=user_of(request))
    except services.TenderExists as exists:  # the same form sent twice
        messages.info(request, " ".join(exists.messages))
        return redirect("guidance:tender", tender_pk=exists.tender.pk)
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return _render_list(request, project, form)
    messages.success(request, _("The tender is drafted. Check every part before you export it."))
    return redirect("guidance:tender", tender_pk=tender.pk)


def _saved(request: HttpRequest, form: forms.Form, change: Callable[[], Any], done: str) -> bool:
    """Make the change of a valid form; a refusal becomes the form's error, success a message."""
    if not form.is_valid():
        return False
    try:
        change()
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return False
    messages.success(request, done)
    return True


def _render_builder(request: HttpRequest, tender: Tender, **forms_: Any) -> HttpResponse:
    criteria = list(tender.criteria.all())
    bound = forms_.pop("criterion_form", None)
    rows = [
        (c, bound if bound and bound.prefix == f"criterion-{c.pk}" else _criterion_form(tender, c))
        for c in criteria
    ]
    families = [
        (value, label, [r for r in rows if r[0].family == value])
        for value, label in CriterionFamily.choices
    ]
    award = [c for c in criteria if c.family == CriterionFamily.AWARD]
    context = {
        "tender": tender,
        "project": tender.project,
        "may_edit": can_edit(user_of(request), tender.project),
        "procedure": services.procedure_for(
            tender.estimated_value, tender.rules.data, on=tender.dated_on
        ),
        "warnings": services.weight_warnings(tender, criteria),
        "award_total": sum(c.weight for c in award),
        "families": families,
        "form": forms_.get("form") or TenderForm.for_tender(tender),
        "add_form": forms_.get("add_form")
        or AddCriterionForm(initial={"revision": tender.revision}, prefix="add"),
    }
    return render(request, "guidance/tender/tender_detail.html", context)


@tender_view("GET", "POST")
def tender(request: HttpRequest, tender: Tender) -> HttpResponse:
    if request.method == "GET":
        return _render_builder(request, tender)
    form = TenderForm(request.POST, tender=tender)

    def change() -> Any:
        arguments = form.service_arguments()
        return services.update_tender(tender=tender, **arguments, by=user_of(request))

    if _saved(request, form, change, _("The tender was saved.")):
        return redirect("guidance:tender", tender_pk=tender.pk)
    return _render_builder(request, tender, form=form)


@tender_view("POST")
def criterion_edit(request: HttpRequest, tender: Tender, criterion_pk: int) -> HttpResponse:
    criterion = get_object_or_404(tender.criteria, pk=criterion_pk)
    form = _criterion_form(tender, criterion, request.POST)

    def change() -> Any:
        data = form.cleaned_data
        levels = (
            {k: data[f"level_{k}"] for k in services.DESCRIPTOR_LEVELS}
            if "level_0" in data
            else None
        )
        arguments = {k: data[k] for k in ("revision", "name", "description", "weight")}
        by = user_of(request)
        return services.set_criterion(criterion=criterion, **arguments, descriptors=levels, by=by)

    if _saved(request, form, change, _("The criterion was saved.")):
        return redirect("guidance:tender", tender_pk=tender.pk)
    return _render_builder(request, tender, criterion_form=form)


@tender_view("POST")
def criterion_add(request: HttpRequest, tender: Tender) -> HttpResponse:
    form = AddCriterionForm(request.POST, prefix="add")

    def change() -> Any:
        by = user_of(request)
        return services.add_criterion(tender=tender, **form.cleaned_data, by=by)

    if _saved(request, form, change, _("The criterion was added.")):
        return redirect("guidance:tender", tender_pk=tender.pk)
    return _render_builder(request, tender, add_form=form)


@tender_view("POST")
def criterion_remove(request: HttpRequest, tender: Tender, criterion_pk: int) -> HttpResponse:
    criterion = get_object_or_404(tender.criteria, pk=criterion_pk)
    try:
        revision = int(request.POST.get("revision", ""))
        services.remove_criterion(criterion=criterion, revision=revision, by=user_of(request))
    except ValueError:
        messages.error(request, _("Reload the page and try again."))
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("The criterion was removed."))
    return redirect("guidance:tender", tender_pk=tender.pk)


def _download(body: bytes, content_type: str, tender: Tender, extension: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    name = slugify(tender.title) or "tender"
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@accepts_api_token
@tender_view("GET")
def docx_export(request: HttpRequest, tender: Tender) -> HttpResponse:
    return _download(tender_docx(tender), DOCX_TYPE, tender, "docx")


@accepts_api_token
@tender_view("GET")
def pdf_export(request: HttpRequest, tender: Tender) -> HttpResponse:
    return _download(tender_pdf(tender), "application/pdf", tender, "pdf")
