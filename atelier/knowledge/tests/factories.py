"""Small builders for knowledge tests: items and real attachment files."""

import io

from django.utils import timezone

from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic


def make_item(
    title: str = "Leefloon: wie heeft recht?",
    *,
    audience: str = Audience.PUBLIC,
    status: str = Status.PUBLISHED,
    kind: str = Kind.FAQ,
    topics: tuple[str, ...] = ("social-policy",),
    **fields,
) -> KnowledgeItem:
    if status == Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
    item = KnowledgeItem.objects.create(
        kind=kind, title=title, audience=audience, status=status, **fields
    )
    item.topics.set(Topic.objects.filter(slug__in=topics))
    return item


def pdf_bytes(sentence: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{sentence}</p>").write_pdf()


def docx_bytes(sentence: str, cell: str = "cel") -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("Modelbesluit", level=1)
    document.add_paragraph(sentence)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = cell
    table.rows[0].cells[1].text = "tweede"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(value: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tarieven"
    sheet.append(["Gemeente", "Bedrag"])
    sheet.append([value, 42])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
