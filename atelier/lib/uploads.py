"""Uploaded files: how large each kind may be, and reading them without trusting them.

Every limit on uploads lives here. `BoundedUploadHandler` (first in
`settings.FILE_UPLOAD_HANDLERS`) counts the bytes of each file part as they stream in and,
once a part passes the limit of the view it is sent to, keeps nothing more of it: the form
then finds a `RefusedUpload` of that size and says the file is too large. The proxy in
front (README, `client_max_body_size`) bounds the whole request a little above the
largest limit.
"""

import codecs
import csv
import io
import zipfile
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from atelier.lib.control_characters import without_control_characters

MB = 1024 * 1024
# The largest file each upload form takes, by the name of the view it is sent to.
UPLOAD_LIMITS = {
    "members:import": 20 * MB,  # population files (a national CSV is about 1 MB)
    "companies:import": 5 * MB,  # intermunicipal companies with their participants
    "contacts:import": 5 * MB,  # a member's list of contacts by function
    "fees:bank_import": 10 * MB,  # bank statements, CSV or CODA
    "canvases:import": 5 * MB,  # a canvas as JSON, or a journey as CSV
    "canvases:portrait": 8 * MB,  # a persona's photo, made small on arrival
    "canvases:card_image": 8 * MB,  # a photo or sketch on a card, made small like a portrait
    "advice:ask": 10 * MB,  # a file sent with a question to the advice desk
    "advice:reply": 10 * MB,  # a file sent with a reply in a question's thread
    "knowledge:attachment_add": 20 * MB,  # a knowledge item's PDF, DOCX or XLSX
    "academy:materials": 20 * MB,  # slides and handouts; recordings are links
    "academy:workshop_slide_new": 8 * MB,  # a workshop slide's image, made small
    "academy:workshop_slide_edit": 8 * MB,
    "admin:academy_workshopcase_add": 8 * MB,  # the same form, in the admin's case page
    "admin:academy_workshopcase_change": 8 * MB,
}
DEFAULT_UPLOAD_LIMIT = 5 * MB  # any other file field (the admin's)
# A request body may exceed the largest file by the other fields and multipart framing.
MAX_REQUEST_BODY = max(UPLOAD_LIMITS.values()) + 5 * MB

# An XLSX file is a ZIP archive of XML parts: refuse one that unpacks to far more than it
# weighs before a parser sees it (openpyxl holds all shared strings in memory).
MAX_WORKBOOK_UNPACKED = 200 * MB
MAX_SHARED_STRINGS = 20 * MB
MAX_COMPRESSION_RATIO = 100  # plain XML packs 5 to 20 times; a bomb thousands of times

# Signatures of files people upload by mistake where text is expected.
BINARY_SIGNATURES = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "ole"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
)
CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c")


def upload_limit(request: HttpRequest) -> int:
    match = getattr(request, "resolver_match", None)
    return (
        UPLOAD_LIMITS.get(match.view_name, DEFAULT_UPLOAD_LIMIT) if match else DEFAULT_UPLOAD_LIMIT
    )


class RefusedUpload(UploadedFile):
    """A file part that passed its limit: its size is known, its content was not kept."""

    def __init__(self, name: str, content_type: str, size: int) -> None:
        super().__init__(io.BytesIO(), name, content_type, size)


class BoundedUploadHandler(FileUploadHandler):
    """Counts each file part as it streams in and drops it once it passes its limit."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.limit = upload_limit(self.request) if self.request else DEFAULT_UPLOAD_LIMIT
        self.received = 0
        self.refused = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received <= self.limit:
            return raw_data
        if not self.refused:
            self.refused = True
            self._drop_what_others_kept()
        return None  # the handlers after this one see nothing more of this part

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if self.refused:
            return RefusedUpload(self.file_name or "", self.content_type or "", self.received)
        return None

    def _drop_what_others_kept(self) -> None:
        for handler in getattr(self.request, "upload_handlers", ()):
            kept = getattr(handler, "file", None)
            if handler is not self and kept is not None:
                kept.close()  # frees the memory buffer or deletes the temporary file


def check_upload_size(upload: UploadedFile, view_name: str) -> UploadedFile:
    """The upload, or a ValidationError when it is larger than its form takes."""
    limit = UPLOAD_LIMITS[view_name]
    if (upload.size or 0) > limit:
        raise ValidationError(
            _("The file is larger than %(megabytes)s MB.") % {"megabytes": limit // MB}
        )
    return upload


class UnreadableFile(ValueError):
    """The file as a whole cannot be read as what the form expects; the message says why."""


def refuse_binary(content: bytes, *, expected: str) -> None:
    """Raise UnreadableFile when the content is not text (a PDF, a workbook, an image…).

    `expected` names what the form takes, e.g. "CSV or CODA", for the message.
    """
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 text, read as such
    kind = next((kind for magic, kind in BINARY_SIGNATURES if content.startswith(magic)), None)
    head = content[:8192]
    if kind is None and head.count(0) > len(head) // 10:
        # Excel's "Unicode text" without its byte order mark: every other byte is zero.
        raise UnreadableFile(
            _(
                "This file looks like UTF-16 text without a byte order mark. Save it as "
                "“CSV UTF-8” and upload that file."
            )
        )
    if kind is None and sum(head.count(b) for b in CONTROL_BYTES) > len(head) // 10:
        kind = "binary"
    if kind is None:
        return
    messages = {
        "pdf": _("This is a PDF file. Upload a %(expected)s file."),
        "zip": _("This is a ZIP archive or an XLSX workbook. Upload a %(expected)s file."),
        "ole": _("This is an old Excel (.xls) or Word file. Upload a %(expected)s file."),
        "image": _("This is an image. Upload a %(expected)s file."),
        "binary": _("This is not a text file. Upload a %(expected)s file."),
    }
    raise UnreadableFile(messages[kind] % {"expected": expected})


def text_encoding(content: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM, or Windows-1252."""
    if content.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _is_utf8(content):
        return "utf-8"
    if not any(undefined in content for undefined in CP1252_UNDEFINED):
        return "cp1252"
    raise UnreadableFile(
        _("The file is neither UTF-8 nor Windows-1252 text. Save it as “CSV UTF-8”.")
    )


def _is_utf8(content: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(content)
    try:
        for start in range(0, len(content), MB):
            decoder.decode(view[start : start + MB])  # decoded in pieces, then dropped
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


class _TextWithoutControls(io.TextIOWrapper):
    """Text read without C0 control characters: PostgreSQL cannot store a NUL, XML none."""

    replacement = ""

    def read(self, size: int | None = -1) -> str:
        return without_control_characters(super().read(size), self.replacement)

    def readline(self, size: int = -1) -> str:  # type: ignore[override]
        return without_control_characters(super().readline(size), self.replacement)

    def __next__(self) -> str:  # type: ignore[override]
        return without_control_characters(super().__next__(), self.replacement)


def text_stream(
    content: bytes, *, expected: str, control_replacement: str = ""
) -> io.TextIOWrapper:
    """The file as text read piece by piece (for csv.reader), or UnreadableFile.

    Control characters are dropped (or replaced, for files read by position such as CODA).
    """
    refuse_binary(content, expected=expected)
    encoding = text_encoding(content)
    stream = _TextWithoutControls(io.BytesIO(content), encoding=encoding, newline="")
    stream.replacement = control_replacement
    return stream


def csv_problem(line: int, error: csv.Error) -> str:
    """A translated message for what the csv module refused on a line."""
    if "field larger than field limit" in str(error):
        return _("Line %(line)s: a cell holds more than %(limit)s characters.") % {
            "line": line,
            "limit": number_format(csv.field_size_limit(), force_grouping=True),
        }
    return _("Line %(line)s: this line cannot be read as CSV.") % {"line": line}


def check_workbook_archive(content: bytes) -> None:
    """Raise UnreadableFile unless the XLSX archive unpacks to a sensible size."""
    try:
        members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from None
    too_big = _(
        "The workbook unpacks to more than %(megabytes)s MB. Save it as CSV and upload that."
    )
    if sum(member.file_size for member in members) > MAX_WORKBOOK_UNPACKED:
        raise UnreadableFile(too_big % {"megabytes": MAX_WORKBOOK_UNPACKED // MB})
    for member in members:
        if member.filename.endswith("sharedStrings.xml") and member.file_size > MAX_SHARED_STRINGS:
            raise UnreadableFile(too_big % {"megabytes": MAX_SHARED_STRINGS // MB})
        packed = max(member.compress_size, 1)
        if member.file_size > MB and member.file_size / packed > MAX_COMPRESSION_RATIO:
            raise UnreadableFile(
                _(
                    "The workbook holds a part packed %(ratio)s times smaller than it is: "
                    "it is refused as a possible ZIP bomb. Save it as CSV and upload that."
                )
                % {"ratio": number_format(member.file_size // packed, force_grouping=True)}
            )


def capped_problems(problems: list[str], limit: int = 200) -> list[str]:
    """The first `limit` problems, then one line saying how many more there are."""
    if len(problems) <= limit:
        return problems
    more = number_format(len(problems) - limit, force_grouping=True)
    return [*problems[:limit], _("%(count)s more problems are not listed.") % {"count": more}]


def shorten(value: object, length: int = 40) -> str:
    """A cell's text as an error message may quote it: at most `length` characters."""
    text = str(value if value is not None else "")
    return text if len(text) <= length else text[: length - 1] + "…"
