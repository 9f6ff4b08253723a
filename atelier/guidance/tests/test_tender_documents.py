"""The tender as DOCX and PDF: read back with python-docx, LibreOffice and pypdf."""

import io
import shutil
import subprocess  # noqa: S404 - LibreOffice converts the DOCX, as procurement officers' tools do
from decimal import Decimal

import docx
import pytest
from pypdf import PdfReader

from atelier.guidance.services import tender as services
from atelier.guidance.services.tender_documents import tender_docx, tender_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def _tender(project, participant, language="en", title="Service designer for one front door"):
    tender = services.create_tender(project=project, title=title, language=language, by=participant)
    services.update_tender(
        tender=tender,
        revision=tender.revision,
        title=title,
        estimated_value=Decimal("95000"),
        texts={"subject": "A <b>front</b> door & a\x0b welcome"},
        scope={},
        deliverables={},
        timeline=[(0, "Publication"), (5, "Offers due")],
        jury_roles=["The client"],
        by=participant,
    )
    tender.refresh_from_db()
    return tender


def _docx_text(body: bytes) -> str:
    document = docx.Document(io.BytesIO(body))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


def _pdf_text(body: bytes) -> str:
    """The PDF's words with single spaces: long titles wrap, "co-creation" breaks at its hyphen."""
    pages = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return " ".join(pages.split()).replace("- ", "-")


def test_docx_reads_back_with_title_criteria_clause_and_procedure(project, participant):
    body = tender_docx(_tender(project, participant))
    text = _docx_text(body)
    assert "Service designer for one front door" in text
    assert "Method and co-creation" in text  # an award criterion, in the table
    assert "Social and tax debts" in text  # exclusion
    assert "The contractor works together with the authority's staff" in text  # the clause
    assert "Negotiated procedure without prior publication" in text
    assert "A <b>front</b> door & a welcome" in text  # escaped, control character gone
    assert "Geel" in text  # the contracting authority


def test_docx_award_table_carries_weights_and_descriptors(project, participant):
    document = docx.Document(io.BytesIO(tender_docx(_tender(project, participant))))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Criterion", "Weight", "What is judged", "What a score looks like (0–10)"]
    method = next(row for row in rows if row[0] == "Method and co-creation")
    assert method[1] == "30"
    assert method[3].startswith("0: No worked-out method")


def test_docx_is_in_dutch_for_a_dutch_tender(project, participant):
    text = _docx_text(tender_docx(_tender(project, participant, language="nl")))
    assert "Aanpak en co-creatie" in text
    assert "De opdrachtnemer werkt samen met medewerkers van het bestuur" in text
    assert "Onderhandelingsprocedure zonder voorafgaande bekendmaking" in text
    assert "Method and co-creation" not in text


def test_docx_converts_with_libreoffice_and_keeps_its_text(project, participant, tmp_path):
    source = tmp_path / "tender.docx"
    source.write_bytes(tender_docx(_tender(project, participant)))
    profile = (tmp_path / "profile").as_uri()  # its own profile: others may run LibreOffice too
    subprocess.run(  # noqa: S603
        [
            shutil.which("libreoffice") or "/usr/bin/libreoffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = _pdf_text((tmp_path / "tender.pdf").read_bytes())
    assert "Service designer for one front door" in text
    assert "Social and tax debts" in text


def test_pdf_export_carries_the_same_content(project, participant):
    text = _pdf_text(tender_pdf(_tender(project, participant)))
    assert "Service designer for one front door" in text
    assert "Method and co-creation" in text
    assert "Negotiated procedure without prior publication" in text
    assert "lowest valid price" in text
    assert "Knowledge transfer" in text


def test_pdf_is_in_dutch_for_a_dutch_tender(project, participant):
    text = _pdf_text(tender_pdf(_tender(project, participant, language="nl")))
    assert "Kennisoverdracht aan eigen medewerkers" in text
    assert "laagste geldige prijs" in text
