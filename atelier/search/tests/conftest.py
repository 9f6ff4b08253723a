import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from atelier.knowledge.models import Attachment, Audience, Kind, KnowledgeItem, Status, Topic


@pytest.fixture(autouse=True)
def _dutch(settings):
    settings.LANGUAGE_CODE = "nl"


def make_item(
    title: str,
    body: str = "",
    *,
    audience: str = Audience.PUBLIC,
    status: str = Status.PUBLISHED,
    kind: str = Kind.ARTICLE,
    topics: tuple[str, ...] = (),
    published: datetime.datetime | None = None,
) -> KnowledgeItem:
    item = KnowledgeItem.objects.create(
        title=title,
        body=body,
        audience=audience,
        status=status,
        kind=kind,
        published_at=published or timezone.now(),
    )
    if topics:
        item.topics.set(Topic.objects.filter(slug__in=topics))
    return item


def pdf_attachment(item: KnowledgeItem, sentence: str) -> Attachment:
    """A real PDF with the sentence in it; its text read back as the knowledge app does."""
    html = f"<h1>Bijlage</h1><p>Inleiding.</p><p>{sentence}</p>"
    pdf = HTML(string=html).write_pdf()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return Attachment.objects.create(
        item=item,
        file=ContentFile(pdf, name="bijlage.pdf"),
        name="bijlage.pdf",
        size=len(pdf),
        extracted_text=text,
    )
