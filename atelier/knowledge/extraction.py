"""The text of an attachment (PDF, DOCX, XLSX), read without trusting the file.

The text is for search: it is bounded in pages, cells and characters, and a file that
cannot be read is refused with a message (`UnreadableFile`), never a server error.
"""

import io
import logging
import zipfile
from collections.abc import Iterator

from django.utils.translation import gettext as _

from atelier.lib.control_characters import without_control_characters
from atelier.lib.uploads import MB, UnreadableFile, check_workbook_archive

logger = logging.getLogger(__name__)

MAX_PAGES = 200
MAX_CELLS = 100_000
MAX_CHARACTERS = 200_000
MAX_DOCUMENT_UNPACKED = 100 * MB
EXTENSIONS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def file_type(name: str, content: bytes) -> str:
    """ "pdf", "docx" or "xlsx" by the name, checked against the first bytes; else refused."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = EXTENSIONS.get(extension)
    if kind is None:
        raise UnreadableFile(_("Attach a PDF, Word (.docx) or Excel (.xlsx) file."))
    signature = b"%PDF" if kind == "pdf" else b"PK\x03\x04"
    if not content.startswith(signature):
        raise UnreadableFile(
            _("This file is not the %(type)s file its name says it is.") % {"type": kind.upper()}
        )
    return kind


def extract_text(name: str, content: bytes) -> str:
    """The file's text, at most MAX_CHARACTERS long, or UnreadableFile."""
    kind = file_type(name, content)
    readers = {"pdf": _pdf_texts, "docx": _docx_texts, "xlsx": _xlsx_texts}
    try:
        text = _bounded(readers[kind](content))
    except UnreadableFile:
        raise
    except Exception:  # a damaged file raises whatever its parser meets first
        logger.info("Unreadable %s attachment %r", kind, name, exc_info=True)
        raise UnreadableFile(
            _("This %(type)s file is damaged or cannot be read.") % {"type": kind.upper()}
        ) from None
    return without_control_characters(text, " ")


def _bounded(texts: Iterator[str]) -> str:
    parts, length = [], 0
    for text in texts:
        text = text.strip()
        if not text:
            continue
        parts.append(text[: MAX_CHARACTERS - length])
        length += len(parts[-1]) + 1
        if length >= MAX_CHARACTERS:
            break
    return "\n".join(parts)


def _pdf_texts(content: bytes) -> Iterator[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES:
            return
        yield page.extract_text() or ""


def _check_document_archive(content: bytes) -> None:
    members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    if sum(member.file_size for member in members) > MAX_DOCUMENT_UNPACKED:
        raise UnreadableFile(
            _("The document unpacks to more than %(megabytes)s MB.")
            % {"megabytes": MAX_DOCUMENT_UNPACKED // MB}
        )


def _docx_texts(content: bytes) -> Iterator[str]:
    from docx import Document

    _check_document_archive(content)
    document = Document(io.BytesIO(content))
    for paragraph in document.paragraphs:
        yield paragraph.text
    cells = 0
    for table in document.tables:
        for row in table.rows:
            cells += len(row.cells)
            if cells > MAX_CELLS:
                return
            yield " | ".join(cell.text for cell in row.cells)


def _xlsx_texts(content: bytes) -> Iterator[str]:
    from openpyxl import load_workbook

    check_workbook_archive(content)
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    cells = 0
    try:
        for sheet in workbook.worksheets:
            yield sheet.title
            for row in sheet.iter_rows(values_only=True):
                cells += len(row)
                if cells > MAX_CELLS:
                    return
                yield " ".join(str(value) for value in row if value is not None)
    finally:
        workbook.close()
