"""The programme's impact: the staff page, its CSV/XLSX tables and the funder's PDF."""

from decimal import Decimal

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atelier.academy.models import Level
from atelier.academy.selectors.impact import Impact, ImpactFilter, impact_years, programme_impact
from atelier.accounts.decorators import staff_required
from atelier.lib.charts import bar_chart
from atelier.lib.forms import Form
from atelier.lib.numbers import format_number
from atelier.lib.pdf import html_to_pdf
from atelier.lib.spreadsheets import csv_response, xlsx_response
from atelier.members.models import Province, SizeClass


class ImpactFilterForm(Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), required=False, coerce=int)
    level = forms.TypedChoiceField(label=gettext_lazy("Level"), required=False, coerce=int)
    province = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    size_class = forms.ChoiceField(
        label=gettext_lazy("Size class"),
        required=False,
        choices=[("", gettext_lazy("All sizes")), *SizeClass.choices],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].choices = [("", _("All years"))] + [  # type: ignore[attr-defined]
            (year, str(year)) for year in impact_years()
        ]
        self.fields["level"].choices = [("", _("All levels"))] + [  # type: ignore[attr-defined]
            (level.number, str(level)) for level in Level.objects.all()
        ]
        self.fields["province"].choices = [("", _("All provinces"))] + [  # type: ignore[attr-defined]
            (p.nis_code, p.name) for p in Province.objects.all()
        ]

    def to_filter(self) -> ImpactFilter:
        if not self.is_valid():
            return ImpactFilter()
        data = self.cleaned_data
        return ImpactFilter(
            year=data["year"] or None,
            level=data["level"] or None,
            province=data["province"],
            size_class=data["size_class"],
        )


def _impact(request: HttpRequest) -> tuple[ImpactFilterForm, Impact]:
    form = ImpactFilterForm(request.GET)
    return form, programme_impact(form.to_filter())


def _score(value: float | None) -> str:
    return format_number(value, 1) if value is not None else "—"


def _charts(impact: Impact) -> dict[str, object]:
    names = {level.number: str(level) for level in impact.levels}
    trained: list[tuple[str, Decimal | int | float, str]] = [
        (names.get(n, str(n)), count, format_number(count)) for n, count in impact.trained.items()
    ]
    maturity: list[tuple[str, Decimal | int | float, str]] = []
    for area in impact.maturity:
        maturity.append(
            (_("%(area)s, before") % {"area": area.name}, area.before or 0, _score(area.before))
        )
        maturity.append(
            (_("%(area)s, after") % {"area": area.name}, area.after or 0, _score(area.after))
        )
    return {
        "trained_chart": bar_chart(_("People trained per level"), trained),
        "maturity_chart": bar_chart(_("Maturity per area (median, 1 to 5)"), maturity),
    }


@staff_required
def impact(request: HttpRequest) -> HttpResponse:
    form, figures = _impact(request)
    context = {
        "form": form,
        "impact": figures,
        "query": request.GET.urlencode(),
        **_charts(figures),
    }
    return render(request, "academy/impact/impact.html", context)


def headline_table(impact: Impact) -> list[list]:
    rows: list[list] = [[_("Figure"), _("Value")]]
    names = {level.number: str(level) for level in impact.levels}
    for number, count in impact.trained.items():
        rows.append([_("People trained: %(level)s") % {"level": names.get(number, number)}, count])
    rows += [
        [_("Member municipalities reached"), impact.organisations_reached],
        [_("Member municipalities"), impact.member_municipalities],
        [_("Services launched"), impact.services_launched],
        [_("Services improved"), impact.services_improved],
        [_("Citizens reached"), impact.citizens_reached],
        [_("Projects closed"), impact.projects],
        [_("Maturity before (median)"), impact.maturity_before],
        [_("Maturity after (median)"), impact.maturity_after],
    ]
    return rows


def maturity_table(impact: Impact) -> list[list]:
    header = [_("Area"), _("Median before"), _("Median after")]
    return [header] + [[area.name, area.before, area.after] for area in impact.maturity]


def _file_name(impact: Impact) -> str:
    return f"academy-impact-{impact.filters.year or 'all'}"


@staff_required
def impact_export(request: HttpRequest, file_format: str) -> HttpResponse:
    _form, figures = _impact(request)
    tables = [
        (_("Headline figures"), headline_table(figures)),
        (_("Maturity"), maturity_table(figures)),
    ]
    if file_format == "csv":
        return csv_response(tables, _file_name(figures))
    if file_format == "xlsx":
        return xlsx_response(tables, _file_name(figures))
    raise Http404


@staff_required
def impact_pdf(request: HttpRequest) -> HttpResponse:
    form, figures = _impact(request)
    context = {
        "impact": figures,
        "made_on": timezone.localdate(),
        "province": Province.objects.filter(nis_code=figures.filters.province).first(),
        "size_class": dict(SizeClass.choices).get(figures.filters.size_class, ""),
    }
    pdf = html_to_pdf(render_to_string("academy/impact/impact_pdf.html", context, request=request))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(figures)}.pdf"'
    return response
