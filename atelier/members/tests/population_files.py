"""Small builders for population files as municipalities and Statbel send them."""

import io

from openpyxl import Workbook

HEADER = ("nis_code", "inhabitants")


def csv_file(
    rows: list[tuple[object, ...]],
    *,
    header: tuple[str, ...] = HEADER,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> bytes:
    """A CSV file with Windows line ends, encoded as asked ("utf-8-sig" adds a BOM)."""
    lines = [delimiter.join(header)]
    lines += [delimiter.join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_file(rows: list[tuple[object, ...]], *, header: tuple[str, ...] = HEADER) -> bytes:
    """An XLSX workbook with the header and rows on its first sheet, cells typed as given."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
