from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.lib.forms import DateInput, Form
from atelier.members.models import Organisation, OrganisationType

from .balance import Composition
from .models import (
    AttendanceStatus,
    Body,
    Gender,
    Mandate,
    MandateRole,
    MandateStatus,
    Party,
    Representative,
)
from .selectors import AttendanceLine, Candidate
from .services import BodyTargets, MandateDetails, NewParty

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_INPUT = DateInput()


def date_field(label: "StrOrPromise", **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_INPUT, **kwargs)


def member_organisations(*, with_ocmws: bool = True) -> Any:
    organisations = Organisation.objects.current().filter(is_member=True)
    if not with_ocmws:
        organisations = organisations.exclude(type=OrganisationType.OCMW)
    return organisations.order_by("name_nl", "pk")


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name_nl} ({obj.identifier})" if obj.identifier else obj.name_nl


class MandateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _mandate_label(obj)


class CompositionDateForm(Form):
    on = date_field(_("Composition on"), required=False)


class BodyTargetsForm(Form):
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=1000)
    min_gender_share = forms.DecimalField(
        label=_("Minimum share of each gender"),
        min_value=0,
        max_value=0.5,
        decimal_places=4,
        help_text=_("A fraction: 0.3333 is one third."),
    )
    province_tolerance = forms.IntegerField(
        label=_("Province tolerance (percentage points)"), min_value=0, max_value=100
    )
    small_authority_limit = forms.IntegerField(
        label=_("Small authority limit (inhabitants)"), min_value=1
    )
    size_tolerance = forms.IntegerField(
        label=_("Size tolerance (percentage points)"), min_value=0, max_value=100
    )
    party_tolerance = forms.IntegerField(
        label=_("Party tolerance (seats)"),
        min_value=0,
        required=False,
        help_text=_("Leave empty where seats do not follow the parties (the general assembly)."),
    )
    quorum_share = forms.DecimalField(
        label=_("Quorum share"),
        min_value=0,
        max_value=0.9999,
        decimal_places=4,
        help_text=_("A meeting has quorum when more than this share of voting members attend."),
    )

    @classmethod
    def for_body(cls, body: Body, data: Any = None) -> "BodyTargetsForm":
        initial = {name: getattr(body, name) for name in cls.base_fields}
        return cls(data, initial=initial)

    def targets(self) -> BodyTargets:
        return BodyTargets(**self.cleaned_data)


class MandateForm(Form):
    """A mandate; on a new one, the person is chosen from those known or described."""

    representative = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Representative.objects.all(),
        required=False,
        empty_label=_("A new person (fill in below)"),
    )
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *Gender.choices], required=False
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
    )
    party = forms.ModelChoiceField(
        label=_("Party"),
        queryset=Party.objects.all(),
        required=False,
        empty_label=_("Independent"),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MandateRole.choices)
    status = forms.ChoiceField(label=_("Status"), choices=MandateStatus.choices)
    reserve_rank = forms.IntegerField(
        label=_("Rank on the reserve list"),
        min_value=1,
        required=False,
        help_text=_("Only for the reserve list; empty puts the candidate last."),
    )
    starts_on = date_field(_("Starts on"))
    ends_on = date_field(
        _("Ends on"), required=False, help_text=_("Empty: at the end of the term.")
    )
    council_approved_on = date_field(
        _("Approved by the council on"),
        required=False,
        help_text=_("Empty while the member's own council has not approved the mandate."),
    )
    substitute_for = MandateChoiceField(
        label=_("Substitute for"),
        queryset=Mandate.objects.none(),
        required=False,
        help_text=_("Only for a substitute: the member they stand in for."),
    )

    PERSON_FIELDS = ("representative", "first_name", "last_name", "gender", "email")

    def __init__(
        self, *args: Any, body: Body, mandate: Mandate | None = None, **kwargs: Any
    ) -> None:
        if mandate is not None:
            kwargs.setdefault("initial", _initial_of(mandate))
        super().__init__(*args, **kwargs)
        self.body = body
        self.mandate = mandate
        self.fields["organisation"].queryset = member_organisations()  # type: ignore[attr-defined]
        others = (
            Mandate.objects.filter(body=body)
            .voting()
            .select_related("representative", "organisation", "party")
        )
        if mandate is not None:
            others = others.exclude(pk=mandate.pk)
            for name in self.PERSON_FIELDS:
                del self.fields[name]
        self.fields["substitute_for"].queryset = others  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.mandate is None:
            self._clean_person(data)
        self._clean_dates(data)
        if data.get("substitute_for") and data.get("role") != MandateRole.SUBSTITUTE:
            self.add_error("substitute_for", _("Only a substitute stands in for a member."))
        if data.get("reserve_rank") and data.get("status") != MandateStatus.RESERVE:
            self.add_error("reserve_rank", _("Only a reserve candidate has a rank."))
        return data

    def _clean_person(self, data: dict[str, Any]) -> None:
        if data.get("representative"):
            self._refuse_a_second_mandate(data)
            return
        for name in ("first_name", "last_name", "gender"):
            if not data.get(name):
                self.add_error(name, _("Fill this in for a new person, or choose a known one."))

    def _refuse_a_second_mandate(self, data: dict[str, Any]) -> None:
        starts_on = data.get("starts_on")
        if starts_on is None:
            return
        ends_on = data.get("ends_on") or self.body.term.ends_on
        overlapping = Mandate.objects.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on),
            body=self.body,
            representative=data["representative"],
            starts_on__lte=ends_on,
        )
        if overlapping.exists():
            self.add_error(
                "representative", _("This person already has a mandate in this body then.")
            )

    def _clean_dates(self, data: dict[str, Any]) -> None:
        term = self.body.term
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and not term.starts_on <= starts_on <= term.ends_on:
            self.add_error("starts_on", _("Choose a day within the term."))
        if ends_on and ends_on > term.ends_on:
            self.add_error("ends_on", _("A mandate ends with its term at the latest."))
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("A mandate cannot end before it starts."))

    def person(self) -> Representative:
        """The person chosen, or a new (unsaved) one as described."""
        data = self.cleaned_data
        if data["representative"]:
            return data["representative"]  # type: ignore[no-any-return]
        return Representative(
            first_name=data["first_name"],
            last_name=data["last_name"],
            gender=data["gender"],
            email=data["email"],
        )

    def details(self) -> MandateDetails:
        data = self.cleaned_data
        return MandateDetails(
            organisation=data["organisation"],
            party=data["party"],
            role=data["role"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            status=data["status"],
            reserve_rank=data["reserve_rank"],
            council_approved_on=data["council_approved_on"],
            substitute_for=data["substitute_for"],
        )


def _initial_of(mandate: Mandate) -> dict[str, Any]:
    names = [name for name in MandateForm.base_fields if name not in MandateForm.PERSON_FIELDS]
    initial = {name: getattr(mandate, name) for name in names}
    for name in ("organisation", "party", "substitute_for"):
        initial[name] = getattr(mandate, f"{name}_id")
    return initial


class EndMandateForm(Form):
    ends_on = date_field(_("Last day of the mandate"))


class WhatIfForm(Form):
    """A candidate (from the reserve list, or described) and, optionally, whom they replace."""

    ask = forms.CharField(widget=forms.HiddenInput, initial="1")
    reserve = forms.TypedChoiceField(
        label=_("Candidate from the reserve list"), coerce=int, required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *Gender.choices], required=False
    )
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Choose an organisation"),
    )
    party = forms.ModelChoiceField(
        label=_("Party"),
        queryset=Party.objects.all(),
        required=False,
        empty_label=_("Independent"),
    )
    replacing = forms.TypedChoiceField(label=_("In the seat of"), coerce=int, required=False)

    def __init__(self, *args: Any, composition: Composition, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "whatif")
        super().__init__(*args, **kwargs)
        self.composition = composition
        self.fields["organisation"].queryset = member_organisations(with_ocmws=False)  # type: ignore[attr-defined]
        self.fields["reserve"].choices = [  # type: ignore[attr-defined]
            ("", _("Someone else (describe below)")),
            *((m.pk, _mandate_label(m)) for m in composition.reserve),
        ]
        self.fields["replacing"].choices = [  # type: ignore[attr-defined]
            ("", _("A vacant seat")),
            *((m.pk, _mandate_label(m)) for m in composition.seated),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("reserve"):
            for name in ("gender", "organisation"):
                if not data.get(name):
                    self.add_error(
                        name, _("Describe the candidate, or choose one from the reserve list.")
                    )
        return data

    def candidate(self) -> Candidate:
        data = self.cleaned_data
        if data["reserve"]:
            reserve = {m.pk: m for m in self.composition.reserve}[data["reserve"]]
            return Candidate.from_reserve(reserve)
        return Candidate(
            gender=data["gender"], organisation=data["organisation"], party=data["party"]
        )

    def replacing_mandate(self) -> Mandate | None:
        chosen = self.cleaned_data["replacing"]
        return {m.pk: m for m in self.composition.seated}[chosen] if chosen else None


def _mandate_label(mandate: Mandate) -> str:
    party = mandate.party.abbreviation if mandate.party else _("independent")
    return f"{mandate.representative.full_name} ({mandate.organisation.name_nl}, {party})"


class MeetingForm(Form):
    held_on = date_field(_("Date"))
    title = forms.CharField(label=_("Title"), max_length=200)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)


class AttendanceForm(Form):
    """One radio group per voting member; members left unanswered are not recorded."""

    def __init__(self, *args: Any, sheet: list[AttendanceLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        for line in sheet:
            mandate = line.mandate
            self.fields[f"mandate_{mandate.pk}"] = forms.ChoiceField(
                label=f"{mandate.representative.full_name} – {mandate.organisation.name_nl}",
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=line.status or None,
            )

    def statuses(self) -> dict[int, str]:
        return {
            line.mandate.pk: self.cleaned_data[f"mandate_{line.mandate.pk}"]
            for line in self.sheet
            if self.cleaned_data.get(f"mandate_{line.mandate.pk}")
        }


class ElectionResultsForm(Form):
    """Votes per party for a term, plus one new party if needed."""

    new_party_name = forms.CharField(label=_("Name of a new party"), max_length=100, required=False)
    new_party_abbreviation = forms.CharField(
        label=_("Its abbreviation"), max_length=20, required=False
    )
    new_party_votes = forms.IntegerField(label=_("Its votes"), min_value=0, required=False)

    def __init__(
        self, *args: Any, parties: list[Party], votes: dict[int, int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.parties = parties
        party_fields = {
            f"votes_{party.pk}": forms.IntegerField(
                label=f"{party.name} ({party.abbreviation})",
                min_value=0,
                required=False,
                initial=votes.get(party.pk),
            )
            for party in parties
        }
        self.fields = {**party_fields, **self.fields}

    def party_fields(self) -> list[forms.BoundField]:
        return [self[f"votes_{party.pk}"] for party in self.parties]

    def new_party_fields(self) -> list[forms.BoundField]:
        return [
            self[name] for name in ("new_party_name", "new_party_abbreviation", "new_party_votes")
        ]

    def clean_new_party_abbreviation(self) -> str:
        abbreviation: str = self.cleaned_data["new_party_abbreviation"].strip()
        if abbreviation and Party.objects.filter(abbreviation__iexact=abbreviation).exists():
            raise forms.ValidationError(_("A party with this abbreviation exists already."))
        return abbreviation

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("new_party_name")) != bool(data.get("new_party_abbreviation")):
            self.add_error(
                "new_party_abbreviation", _("A new party needs a name and an abbreviation.")
            )
        return data

    def new_party(self) -> NewParty | None:
        data = self.cleaned_data
        if not data["new_party_abbreviation"]:
            return None
        return NewParty(
            data["new_party_name"], data["new_party_abbreviation"], data["new_party_votes"]
        )

    def votes(self) -> dict[Party, int | None]:
        return {party: self.cleaned_data[f"votes_{party.pk}"] for party in self.parties}
