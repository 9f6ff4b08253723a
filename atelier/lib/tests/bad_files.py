"""Files people upload by mistake or to do harm, built small in memory for the tests."""

import io
import zipfile

from openpyxl import Workbook
from PIL import Image

LONG_CELL = "x" * 140_000  # above the csv module's 131,072-character field limit


def pdf_file() -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(
        range(256)
    )


def binary_file() -> bytes:
    return bytes(range(256)) * 64


def garbage_text() -> bytes:
    return b"this is not a bank statement\r\njust some words\r\n"


def xlsx_workbook(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_with_huge_shared_string(megabytes: int = 300, compresslevel: int = 1) -> bytes:
    """A valid workbook whose one shared string unpacks to `megabytes` MB.

    Written in pieces so that building it costs little memory; packed at level 1 (fast) it
    is about 1/220 of that, at Excel's level 6 about 1/1000 (300 MB in 307 KB).
    """
    template = zipfile.ZipFile(io.BytesIO(xlsx_workbook([["nis_code", "inhabitants"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as bomb:
        for member in template.infolist():
            if member.filename != "xl/sharedStrings.xml":
                bomb.writestr(member, template.read(member))
        with bomb.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
            strings.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
                b'.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>nis_code</t></si>'
                b"<si><t>inhabitants</t></si><si><t>"
            )
            chunk = b"A" * (1024 * 1024)
            for _ in range(megabytes):
                strings.write(chunk)
            strings.write(b"</t></si></sst>")
    return out.getvalue()


def zip_bomb(megabytes: int = 200) -> bytes:
    """A ZIP archive with one member of `megabytes` MB of zeros, packed a thousand times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                sheet.write(chunk)
    return out.getvalue()


def utf16_text(text: str) -> bytes:
    """Excel's "Unicode text": UTF-16 little-endian with its byte order mark."""
    return text.encode("utf-16")


def huge_png(side: int = 6_300) -> bytes:
    """A 6,300 × 6,300 PNG: a few kilobytes on disk, 40 megapixels once decoded."""
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, format="PNG")
    return out.getvalue()


def truncated_jpeg() -> bytes:
    image = Image.new("RGB", (1200, 900))
    pixels = image.load()
    for x in range(0, 1200, 3):
        for y in range(0, 900, 3):
            pixels[x, y] = (x % 256, y % 256, (x + y) % 256)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    whole = out.getvalue()
    return whole[: len(whole) // 2]
