"""Uploads: refused by size while they stream, and read without trusting their content."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadhandler import (
    MemoryFileUploadHandler,
    TemporaryFileUploadHandler,
)
from django.http.multipartparser import MultiPartParser
from django.utils import translation

from atelier.lib import uploads
from atelier.lib.uploads import (
    MB,
    BoundedUploadHandler,
    RefusedUpload,
    UnreadableFile,
    capped_problems,
    check_workbook_archive,
    text_encoding,
    text_stream,
)

from .bad_files import (
    binary_file,
    pdf_file,
    utf16_text,
    xlsx_with_huge_shared_string,
    xlsx_workbook,
    zip_bomb,
)

BOUNDARY = "----bounded"


def multipart(file_content: bytes, *, after: str = "2026-01-01") -> bytes:
    """A form with a token, the file, and a field after the file."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="token"\r\n\r\nabc\r\n'.encode(),
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            'filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n'
        ).encode()
        + file_content
        + b"\r\n",
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="reference_date"\r\n\r\n'
            f"{after}\r\n--{BOUNDARY}--\r\n"
        ).encode(),
    ]
    return b"".join(parts)


def parse(body: bytes, view_name: str):
    request = SimpleNamespace(resolver_match=SimpleNamespace(view_name=view_name))
    handlers = [
        BoundedUploadHandler(request),
        MemoryFileUploadHandler(request),
        TemporaryFileUploadHandler(request),
    ]
    request.upload_handlers = handlers
    meta = {
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(len(body)),
    }
    return MultiPartParser(meta, io.BytesIO(body), handlers).parse()


def test_a_file_over_its_form_limit_is_dropped_as_it_streams_and_the_form_keeps_its_fields():
    limit = uploads.UPLOAD_LIMITS["canvases:import"]

    post, files = parse(multipart(b"x" * (limit + MB)), "canvases:import")

    refused = files["file"]
    assert isinstance(refused, RefusedUpload)
    assert refused.size > limit
    assert refused.read() == b""  # nothing of it was kept
    assert (post["token"], post["reference_date"]) == ("abc", "2026-01-01")


def test_a_file_within_its_limit_arrives_whole():
    content = b"nis_code;inhabitants\n" * 200_000  # 4 MB: on disk, below the 20 MB limit

    _post, files = parse(multipart(content), "members:import")

    assert not isinstance(files["file"], RefusedUpload)
    assert files["file"].read() == content


def test_other_views_get_the_default_limit():
    _post, files = parse(multipart(b"x" * (uploads.DEFAULT_UPLOAD_LIMIT + 1)), "admin:index")

    assert isinstance(files["file"], RefusedUpload)


def test_the_settings_put_the_bounded_handler_first(settings):
    assert settings.FILE_UPLOAD_HANDLERS[0] == "atelier.lib.uploads.BoundedUploadHandler"
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * MB
    assert uploads.MAX_REQUEST_BODY >= max(uploads.UPLOAD_LIMITS.values())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (pdf_file(), "This is a PDF file. Upload a CSV file."),
        (xlsx_workbook([["a"]]), "This is a ZIP archive or an XLSX workbook. Upload a CSV file."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "This is an old Excel (.xls)"),
        (binary_file(), "This is not a text file. Upload a CSV file."),
        ("nis\tinwoners\r\n".encode("utf-16-le"), "UTF-16 text without a byte order mark"),
    ],
)
def test_files_that_are_not_text_are_named_for_what_they_are(content, message):
    with translation.override("en"), pytest.raises(UnreadableFile) as refused:
        text_stream(content, expected="CSV")

    assert message in str(refused.value)


def test_utf16_with_its_byte_order_mark_is_read_as_text():
    stream = text_stream(utf16_text("nis\tinwoners\r\n13008\t41000\r\n"), expected="CSV")

    assert stream.read() == "nis\tinwoners\r\n13008\t41000\r\n"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("Één".encode("utf-8-sig"), "utf-8-sig"),
        ("Één".encode(), "utf-8"),
        ("Één".encode("cp1252"), "cp1252"),
        ("Één".encode("utf-16"), "utf-16"),
    ],
)
def test_the_encoding_is_told_by_the_byte_order_mark_or_the_bytes(content, encoding):
    assert text_encoding(content) == encoding


def test_a_workbook_packed_a_thousand_times_is_refused_before_it_is_opened():
    with translation.override("en"), pytest.raises(UnreadableFile) as refused:
        check_workbook_archive(zip_bomb(megabytes=30))

    assert "possible ZIP bomb" in str(refused.value)


def test_a_workbook_with_a_huge_shared_string_is_refused_before_it_is_opened():
    with translation.override("en"), pytest.raises(UnreadableFile) as refused:
        check_workbook_archive(xlsx_with_huge_shared_string(megabytes=30))

    assert "unpacks to more than" in str(refused.value)


def test_an_ordinary_workbook_passes_the_archive_check():
    check_workbook_archive(xlsx_workbook([["nis_code", "inhabitants"], ["13008", 41_000]]))


def test_problems_beyond_the_cap_are_counted_in_one_line():
    with translation.override("en"):
        listed = capped_problems([f"Line {n}: bad" for n in range(1, 1_251)])

    assert len(listed) == 201
    assert listed[-1] == "1,050 more problems are not listed."
