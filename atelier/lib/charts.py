"""Bar charts drawn as inline SVG by a template, each with its data as a table."""

from dataclasses import dataclass
from decimal import Decimal

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 190
PLOT_WIDTH = 360


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str
    y: int
    width: float


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    plot_width: int = PLOT_WIDTH

    @property
    def width(self) -> int:
        return self.label_width + self.plot_width + 110


def bar_chart(title: str, rows: list[tuple[str, Decimal | int | float, str]]) -> BarChart:
    """A horizontal bar per (label, value, value as text); bars scale to the largest value."""
    largest = max((float(value) for _label, value, _display in rows), default=0.0) or 1.0
    bars = [
        Bar(
            label=label,
            value=float(value),
            display=display,
            y=index * (BAR_HEIGHT + GAP),
            width=max(float(value), 0.0) / largest * PLOT_WIDTH,
        )
        for index, (label, value, display) in enumerate(rows)
    ]
    return BarChart(title=title, bars=bars, height=len(rows) * (BAR_HEIGHT + GAP))
