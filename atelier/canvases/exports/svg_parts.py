"""Pieces of hand-built SVG: the document, escaped text in wrapped lines, shapes.

Every piece of user text passes through `escape` or `quoteattr` here, so the drawings
never carry markup that a user typed, nor a character XML 1.0 forbids (U+001B and the
other C0 controls would make the whole document unreadable).
"""

from collections.abc import Iterable
from xml.sax import saxutils

from atelier.lib.control_characters import xml_safe

from .display import wrap


def escape(text: str) -> str:
    return saxutils.escape(xml_safe(text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(xml_safe(text))


FONT = "Source Sans 3, Helvetica, Arial, sans-serif"
# Average width of a character as a share of the font size: an estimate, good enough
# to wrap text that WeasyPrint and browsers then draw in a proportional font.
CHAR_WIDTH = 0.55


def chars_per_line(width: float, font_size: float) -> int:
    return max(int(width / (font_size * CHAR_WIDTH)), 4)


def document(
    *, width: float, height: float, title: str, body: Iterable[str], id_prefix: str
) -> str:
    """A standalone SVG that screen readers announce by its title."""
    title_id = f"{id_prefix}-title"
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{width:.0f}" height="{height:.0f}" role="img" '
            f'aria-labelledby="{title_id}" font-family={quoteattr(FONT)}>',
            f'<title id="{title_id}">{escape(title)}</title>',
            *body,
            "</svg>",
        ]
    )


def text_lines(
    x: float,
    y: float,
    lines: list[str],
    *,
    size: float = 12,
    line_height: float | None = None,
    anchor: str = "start",
    weight: str = "normal",
    css_class: str = "",
) -> str:
    """Lines of text whose first baseline sits at `y`."""
    step = line_height or size * 1.25
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{y + number * step:.1f}">{escape(line)}</tspan>'
        for number, line in enumerate(lines)
    )
    extra = f' class="{css_class}"' if css_class else ""
    return (
        f'<text font-size="{size}" text-anchor="{anchor}" font-weight="{weight}"{extra}>'
        f"{spans}</text>"
    )


def wrapped(
    x: float,
    y: float,
    text: str,
    width: float,
    *,
    size: float = 12,
    max_lines: int | None = None,
    anchor: str = "start",
    weight: str = "normal",
) -> tuple[str, int]:
    """Text wrapped to `width`; returns the element and its number of lines."""
    lines = wrap(text, chars_per_line(width, size), max_lines)
    return text_lines(x, y, lines, size=size, anchor=anchor, weight=weight), len(lines)


def rect(
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    fill: str = "#fff",
    stroke: str = "#888",
    radius: float = 3,
    dash: str = "",
) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'rx="{radius}" fill="{fill}" stroke="{stroke}"{dashes}/>'
    )


def line(
    x1: float, y1: float, x2: float, y2: float, *, stroke: str = "#444", width: float = 1, dash=""
) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{stroke}" stroke-width="{width}"{dashes}/>'
    )
