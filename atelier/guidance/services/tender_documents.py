"""The tender as a document: DOCX (procurement officers edit it in Word) and PDF, same content."""

import io
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from atelier.guidance.models import Criterion, CriterionFamily, Tender
from atelier.guidance.services.tender import DESCRIPTOR_LEVELS, descriptors_of, procedure_for
from atelier.lib.control_characters import xml_safe
from atelier.lib.money import format_euro
from atelier.lib.pdf import html_to_pdf

# A4 with 2 cm margins leaves 17 cm; "Gewicht" in bold needs 2.3 cm with the cell's padding.
AWARD_COLUMNS_CM = (3.7, 2.5, 4.8, 6.0)  # criterion, weight, what is judged, descriptors
HOUSE_FONT = "Source Sans 3"  # the app's font; Word falls back to a sans-serif without it
HOUSE_BLUE = RGBColor(0x1D, 0x4E, 0x89)
# Style name, size in points, bold: the document's type scale.
TYPE_SCALE = (
    ("Normal", 10.5, False),
    ("Title", 22, True),
    ("Heading 1", 15, True),
    ("Heading 2", 12.5, True),
    ("List Bullet", 10.5, False),
)


def safe(value: Any) -> str:
    """Text python-docx accepts: it escapes <, > and & itself but fails on what XML forbids."""
    return xml_safe(str(value or ""))


@dataclass
class AwardRow:
    name: str
    weight: int
    description: str
    descriptors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class TenderDocument:
    """Everything the document says, already in the tender's language."""

    title: str
    language: str
    headings: dict[str, str]
    authority: str
    subject: str
    scope: list[dict[str, str]]
    deliverables: list[dict[str, Any]]
    value: str
    procedure: dict[str, str]
    exclusion: list[Criterion]
    selection: list[Criterion]
    award: list[AwardRow]
    price_formula: str
    knowledge_transfer: str
    timeline: list[dict[str, Any]]
    jury_roles: list[str]
    contact: str


def _headings() -> dict[str, str]:
    return {
        "authority": _("Contracting authority"),
        "subject": _("Subject of the contract"),
        "scope": _("Scope per phase"),
        "deliverables": _("Deliverables"),
        "procedure": _("Estimated value and procedure"),
        "value": _("Estimated value excluding VAT"),
        "exclusion": _("Exclusion criteria"),
        "selection": _("Selection criteria"),
        "award": _("Award criteria"),
        "criterion": _("Criterion"),
        "weight": _("Weight"),
        "judged": _("What is judged"),
        "scores": _("What a score looks like (0–10)"),
        "price_formula": _("Price formula"),
        "knowledge_transfer": _("Knowledge transfer"),
        "timeline": _("Timeline"),
        "week": _("Week"),
        "step": _("Step"),
        "jury": _("Jury"),
        "contact": _("Contact"),
    }


def _award_row(tender: Tender, criterion: Criterion) -> AwardRow:
    levels = descriptors_of(tender, criterion)
    return AwardRow(
        name=criterion.name,
        weight=criterion.weight,
        description=criterion.description,
        descriptors=[(level, levels[level]) for level in DESCRIPTOR_LEVELS if levels.get(level)],
    )


def tender_document(tender: Tender) -> TenderDocument:
    """The document's content in the tender's language."""
    content, criteria = tender.content, list(tender.criteria.all())
    by_family = {f: [c for c in criteria if c.family == f] for f in CriterionFamily.values}
    with translation.override(tender.language):
        return TenderDocument(
            title=tender.title,
            language=tender.language,
            headings=_headings(),
            authority=tender.project.organisation.name,
            subject=content.get("subject", ""),
            scope=content.get("scope", []),
            deliverables=[d for d in content.get("deliverables", []) if d.get("items")],
            value=format_euro(tender.estimated_value),
            procedure=procedure_for(
                tender.estimated_value, tender.rules.data, tender.language, on=tender.dated_on
            ),
            exclusion=by_family[CriterionFamily.EXCLUSION],
            selection=by_family[CriterionFamily.SELECTION],
            award=[_award_row(tender, c) for c in by_family[CriterionFamily.AWARD]],
            price_formula=content.get("price_formula", ""),
            knowledge_transfer=content.get("knowledge_transfer", ""),
            timeline=content.get("timeline", []),
            jury_roles=content.get("jury_roles", []),
            contact=content.get("contact", ""),
        )


def _paragraphs(document: Any, value: str, style: str | None = None) -> None:
    for line in safe(value).split("\n"):
        document.add_paragraph(line, style=style)


def _criteria_list(document: Any, heading: str, criteria: list[Criterion]) -> None:
    document.add_heading(safe(heading), level=2)
    for criterion in criteria:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(safe(criterion.name)).bold = True
        if criterion.description:
            paragraph.add_run(": " + safe(criterion.description))


def _award_table(document: Any, parts: TenderDocument) -> None:
    h = parts.headings
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells, ("criterion", "weight", "judged", "scores"), strict=True
    ):
        cell.text = h[label]
        cell.paragraphs[0].runs[0].bold = True
        # A header word never breaks inside; the row repeats on every page the table spans.
        cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for row in parts.award:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = (
            safe(row.name),
            str(row.weight),
            safe(row.description),
        )
        cells[3].text = "\n".join(f"{level}: {safe(text)}" for level, text in row.descriptors)
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    table.autofit = False
    for column, width in zip(table.columns, AWARD_COLUMNS_CM, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _docx_scope(document: Any, parts: TenderDocument) -> None:
    h = parts.headings
    document.add_heading(h["subject"], level=1)
    _paragraphs(document, parts.subject)
    if parts.scope:
        document.add_heading(h["scope"], level=2)
        for item in parts.scope:
            _paragraphs(document, item["text"], style="List Bullet")
    document.add_heading(h["deliverables"], level=1)
    for group in parts.deliverables:
        document.add_heading(safe(group["name"]), level=2)
        for item in group["items"]:
            document.add_paragraph(safe(item), style="List Bullet")
    document.add_heading(h["procedure"], level=1)
    document.add_paragraph(f"{h['value']}: {parts.value}")
    # Only the procedure's name: its explanation advises the buyer (the builder's page shows
    # it), and the bidders who read this document are not the ones to be advised.
    document.add_paragraph(parts.procedure["name"]).runs[0].bold = True


def _docx_rest(document: Any, parts: TenderDocument) -> None:
    h = parts.headings
    _criteria_list(document, h["exclusion"], parts.exclusion)
    _criteria_list(document, h["selection"], parts.selection)
    document.add_heading(h["award"], level=2)
    _award_table(document, parts)
    document.add_heading(h["price_formula"], level=2)
    _paragraphs(document, parts.price_formula)
    document.add_heading(h["knowledge_transfer"], level=1)
    _paragraphs(document, parts.knowledge_transfer)
    document.add_heading(h["timeline"], level=1)
    for step in parts.timeline:
        document.add_paragraph(
            f"{h['week']} {step['week']}: {safe(step['step'])}", style="List Bullet"
        )
    document.add_heading(h["jury"], level=1)
    for role in parts.jury_roles:
        document.add_paragraph(safe(role), style="List Bullet")
    document.add_heading(h["contact"], level=1)
    _paragraphs(document, parts.contact)


def _a4(document: Any) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)


def _house_style(document: Any) -> None:
    for name, size, bold in TYPE_SCALE:
        font = document.styles[name].font
        font.name, font.size, font.bold = HOUSE_FONT, Pt(size), bold
        # Word picks the font per script: name it for all of them, not only for Latin text.
        fonts = document.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(script), HOUSE_FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
        if name != "Normal":
            font.color.rgb = HOUSE_BLUE if name != "List Bullet" else None


def _properties(document: Any, parts: TenderDocument) -> None:
    properties = document.core_properties
    properties.title = safe(parts.title)
    properties.subject = safe(parts.headings["subject"])
    properties.author = properties.last_modified_by = safe(parts.authority)
    properties.language = parts.language
    properties.comments = properties.keywords = properties.category = ""
    properties.revision = 1
    properties.created = properties.modified = timezone.now()


def tender_docx(tender: Tender) -> bytes:
    """The tender as a Word document in its own language: A4, the house style, the
    contracting authority as its author."""
    parts = tender_document(tender)
    document = Document()
    _a4(document)
    _house_style(document)
    _properties(document, parts)
    document.add_heading(safe(parts.title), level=0)
    document.add_paragraph(f"{parts.headings['authority']}: {safe(parts.authority)}")
    _docx_scope(document, parts)
    _docx_rest(document, parts)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def tender_pdf(tender: Tender) -> bytes:
    """The tender as a PDF in its own language, with the same content as the DOCX."""
    parts = tender_document(tender)
    with translation.override(tender.language):
        html = render_to_string("guidance/tender/tender_pdf.html", {"doc": parts})
    return html_to_pdf(html)
