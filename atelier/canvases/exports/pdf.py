"""A canvas as a vector PDF, A3 or A4 landscape, every page headed by what it shows; a
persona is a one-page poster."""

from typing import Any

from atelier.lib.pdf import html_to_pdf
from atelier.method.models import ArtefactKind

from .page import Layout, canvas_html
from .persona import persona_pdf

MARGIN_MM = 10
HEADER_MM = 16
# Paper (landscape): width and height in mm, the lane title column, steps on one page.
PAPERS = {"A3": (420, 297, 34, 8), "A4": (297, 210, 30, 5)}


def paper_layout(paper: str) -> Layout:
    width, _height, lane_mm, steps = PAPERS[paper]
    step_mm = (width - 2 * MARGIN_MM - lane_mm) / steps
    return Layout(
        page_css=(
            f"@page {{ size: {paper} landscape; "
            f"margin: {HEADER_MM}mm {MARGIN_MM}mm {MARGIN_MM}mm; }}"
        ),
        lane_mm=lane_mm,
        # A hair narrower than the page allows: rounding must never push a column over.
        step_mm=step_mm - 0.05,
        steps_per_page=steps,
        width_mm=width - 2 * MARGIN_MM,
    )


def canvas_pdf(data: dict[str, Any], *, paper: str = "A3", project_title: str = "") -> bytes:
    """The canvas on A3 or A4 landscape pages; a journey's steps run over as many as needed."""
    paper = paper.upper()
    if paper not in PAPERS:
        raise ValueError(f"Unknown paper size {paper}")
    if data["kind"] == ArtefactKind.PERSONA:
        return persona_pdf(data, paper=paper, project_title=project_title)
    return html_to_pdf(canvas_html(data, project_title=project_title, layout=paper_layout(paper)))
