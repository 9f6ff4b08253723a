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


def test_docx_is_a4_in_the_house_font_with_the_authority_as_author(project, participant):
    document = docx.Document(io.BytesIO(tender_docx(_tender(project, participant))))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    for style in ("Normal", "Title", "Heading 1", "Heading 2"):
        assert document.styles[style].font.name == "Source Sans 3"
    properties = document.core_properties
    assert properties.author == project.organisation.name
    assert properties.title == "Service designer for one front door"
    assert "python-docx" not in " ".join(
        str(value)
        for value in (properties.author, properties.comments, properties.last_modified_by)
    )


def test_docx_award_header_is_wide_enough_for_gewicht_and_never_wraps(project, participant):
    document = docx.Document(io.BytesIO(tender_docx(_tender(project, participant, language="nl"))))
    table = document.tables[0]
    header = table.rows[0].cells
    assert header[1].text == "Gewicht"
    # 7 letters of bold 10.5 pt Source Sans 3 take about 1.5 cm; the cell pads 0.38 cm.
    assert header[1].width.cm >= 2.3
    assert all(cell._tc.tcPr.find(docx.oxml.ns.qn("w:noWrap")) is not None for cell in header)
    total = sum(cell.width.cm for cell in header)
    section = document.sections[0]
    usable = docx.shared.Length(section.page_width - section.left_margin - section.right_margin).cm
    assert total <= usable + 0.01


def test_buyer_advice_stays_out_of_the_documents_bidders_get(project, participant):
    tender = _tender(project, participant)
    services.update_tender(
        tender=tender,
        revision=tender.revision,
        title=tender.title,
        estimated_value=Decimal("20000"),  # low value: "ask several designers"
        texts={},
        scope={},
        deliverables={},
        timeline=[],
        jury_roles=[],
        by=participant,
    )
    tender.refresh_from_db()
    docx_text = _docx_text(tender_docx(tender))
    pdf_text = _pdf_text(tender_pdf(tender))
    for text in (docx_text, pdf_text):
        assert "Low-value contract" in text
        assert "several designers" not in text


def test_buyer_advice_stays_on_the_builders_page(project, participant, client):
    from django.urls import reverse

    tender = _tender(project, participant)
    client.force_login(participant)
    html = client.get(
        reverse("guidance:tender", kwargs={"tender_pk": tender.pk}), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "may negotiate" in html
