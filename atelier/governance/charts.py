"""The balance of a body as inline SVG charts, drawn on the server.

The geometry is computed here so that the templates only place shapes. Every chart carries
a summary in words (its <desc>), and the page shows the same figures in a table below it.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from atelier.lib.numbers import format_percent

from .balance import BalanceRow, Composition
from .models import Gender

WIDTH = 640
LABEL_WIDTH = 200
BAR_LEFT = 210
BAR_SPAN = 340  # leaves room on the right for the figures
ROW_HEIGHT = 44
TOP = 36  # room for the legend
GENDER_CLASSES: dict[str, str] = {
    Gender.FEMALE: "gov-chart__female",
    Gender.MALE: "gov-chart__male",
    Gender.X: "gov-chart__x",
}


@dataclass(frozen=True)
class ComparisonBar:
    label: str
    figures: str
    flagged: bool
    label_y: int
    held_y: int
    held_width: float
    expected_y: int
    expected_width: float | None


@dataclass(frozen=True)
class ComparisonChart:
    """Seats held against seats expected, one pair of bars per group."""

    id: str
    title: str
    summary: str
    bars: list[ComparisonBar]
    has_expected: bool

    @property
    def height(self) -> int:
        return TOP + ROW_HEIGHT * len(self.bars)

    width = WIDTH
    bar_left = BAR_LEFT
    figures_x = BAR_LEFT + BAR_SPAN + 8
    label_x = LABEL_WIDTH


@dataclass(frozen=True)
class Segment:
    css: str
    x: float
    width: float
    legend: str
    legend_x: int
    legend_y: int


@dataclass(frozen=True)
class Marker:
    x: float
    label: str


@dataclass(frozen=True)
class StackedChart:
    """The seats of a body as one bar, split by gender, with the target marked."""

    id: str
    title: str
    summary: str
    segments: list[Segment]
    markers: list[Marker]

    width = WIDTH
    height = 120
    bar_width = WIDTH - 40


def charts_for(composition: Composition) -> dict[str, object]:
    return {
        "gender": gender_chart(composition),
        "provinces": comparison_chart(
            "chart-provinces", _("Seats per province"), composition.provinces
        ),
        "sizes": comparison_chart(
            "chart-sizes", _("Seats of small and large authorities"), composition.sizes
        ),
        "parties": comparison_chart("chart-parties", _("Seats per party"), composition.parties),
    }


def gender_chart(composition: Composition) -> StackedChart:
    seats = max(composition.body.seats, composition.filled, 1)
    parts = [(GENDER_CLASSES[row.key], row.seats, _legend(row)) for row in composition.genders]
    parts.append(("gov-chart__vacant", composition.vacant, _vacant(composition)))
    span = StackedChart.bar_width
    # Shares count the filled seats, so the target lines mark shares of that part of the bar.
    filled_span = span * composition.filled / seats
    target = float(composition.body.min_gender_share)
    markers = [
        Marker(20 + filled_span * share, format_percent(round(share * 100)))
        for share in (target, 1 - target)
        if target and composition.filled
    ]
    summary = _gender_summary(composition)
    return StackedChart(
        "chart-gender", _("Seats by gender"), summary, _segments(parts, span / seats), markers
    )


def _segments(parts: list[tuple[str, int, str]], per_seat: float) -> list[Segment]:
    """Side by side on the bar; their legend in two columns below it."""
    segments, x = [], 20.0
    for index, (css, count, legend) in enumerate(parts):
        legend_x, legend_y = 20 + 300 * (index % 2), 84 + 24 * (index // 2)
        segments.append(Segment(css, x, per_seat * count, legend, legend_x, legend_y))
        x += per_seat * count
    return segments


def _vacant(composition: Composition) -> str:
    return _("Vacant: %(count)s") % {"count": composition.vacant}


def _legend(row: BalanceRow) -> str:
    return _("%(group)s: %(count)s (%(percent)s%%)") % {
        "group": row.label,
        "count": row.seats,
        "percent": row.percent,
    }


def _gender_summary(composition: Composition) -> str:
    parts = [*(_legend(row) for row in composition.genders), _vacant(composition)]
    target = _("Target: at least %(percent)s%% of each gender.") % {
        "percent": composition.body.min_gender_percent
    }
    return "; ".join(parts) + ". " + target


def comparison_chart(chart_id: str, title: str, rows: list[BalanceRow]) -> ComparisonChart:
    scale = max([1.0, *(row.seats for row in rows), *(row.expected or 0 for row in rows)])
    bars = []
    for index, row in enumerate(rows):
        top = TOP + ROW_HEIGHT * index
        bars.append(
            ComparisonBar(
                label=row.label,
                figures=_figures(row),
                flagged=row.flagged,
                label_y=top + 18,
                held_y=top + 4,
                held_width=BAR_SPAN * row.seats / scale,
                expected_y=top + 22,
                expected_width=None if row.expected is None else BAR_SPAN * row.expected / scale,
            )
        )
    summary = title + ": " + "; ".join(_row_summary(row) for row in rows) + "."
    has_expected = any(row.expected is not None for row in rows)
    return ComparisonChart(chart_id, title, summary, bars, has_expected)


def _figures(row: BalanceRow) -> str:
    if row.expected is None:
        return str(row.seats)
    values = {"seats": row.seats, "expected": _one_decimal(row.expected)}
    return _("%(seats)s, expected %(expected)s") % values


def _row_summary(row: BalanceRow) -> str:
    values = {"group": row.label, "seats": row.seats}
    if row.expected is None:
        return _("%(group)s %(seats)s held") % values
    values["expected"] = _one_decimal(row.expected)
    text = _("%(group)s %(seats)s held, about %(expected)s expected") % values
    return text + (" " + _("(off target)") if row.flagged else "")


def _one_decimal(value: float) -> str:
    """6.8, or 9 where the expectation is a whole number (a D'Hondt allocation)."""
    rounded = round(value, 1)
    return number_format(rounded, 0 if rounded.is_integer() else 1)
