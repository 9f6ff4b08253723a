import io
import zipfile

import pytest
from django.utils import translation

from atelier.knowledge.extraction import MAX_CHARACTERS, extract_text
from atelier.lib.uploads import UnreadableFile

from .factories import docx_bytes, pdf_bytes, xlsx_bytes


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_text_of_a_pdf_is_extracted():
    text = extract_text("nota.pdf", pdf_bytes("Het leefloon wordt aangevraagd bij het OCMW."))
    assert "Het leefloon wordt aangevraagd bij het OCMW." in text


def test_text_of_a_docx_with_its_table_is_extracted():
    text = extract_text("model.DOCX", docx_bytes("De raad delegeert.", cell="Bijzonder comité"))
    assert "Modelbesluit" in text
    assert "De raad delegeert." in text
    assert "Bijzonder comité | tweede" in text


def test_text_of_an_xlsx_is_extracted():
    text = extract_text("tarieven.xlsx", xlsx_bytes("Lennik"))
    assert "Tarieven" in text
    assert "Lennik 42" in text


@pytest.mark.parametrize("name", ["notes.txt", "photo.png", "macro.docm", "oud.xls", "zonder"])
def test_other_types_are_refused_with_a_message(name):
    with pytest.raises(UnreadableFile, match="PDF, Word"):
        extract_text(name, b"%PDF-1.7 whatever")


def test_a_truncated_pdf_is_refused_not_a_crash():
    content = pdf_bytes("Afgebroken bestand")
    with pytest.raises(UnreadableFile, match="damaged"):
        extract_text("kapot.pdf", content[: len(content) // 3])


def test_a_pdf_that_is_only_a_header_is_refused():
    with pytest.raises(UnreadableFile):
        extract_text("leeg.pdf", b"%PDF-1.4\n")


def test_a_renamed_zip_is_refused_as_docx_and_as_xlsx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "geen document")
    for name in ("vermomd.docx", "vermomd.xlsx"):
        with pytest.raises(UnreadableFile):
            extract_text(name, buffer.getvalue())


def test_a_file_whose_content_does_not_match_its_name_is_refused():
    with pytest.raises(UnreadableFile, match="not the PDF file"):
        extract_text("nota.pdf", docx_bytes("Eigenlijk Word"))
    with pytest.raises(UnreadableFile, match="not the DOCX file"):
        extract_text("model.docx", b"plain text pretending")


def test_a_truncated_xlsx_is_refused():
    content = xlsx_bytes("Geel")
    with pytest.raises(UnreadableFile):
        extract_text("kapot.xlsx", content[:200])


def test_extracted_text_is_bounded():
    content = docx_bytes("woord " * 40_000 + "einde")  # 240,000 characters
    text = extract_text("lang.docx", content)
    assert len(text) == MAX_CHARACTERS
    assert "einde" not in text
