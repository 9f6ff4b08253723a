"""The rows of an uploaded CSV or XLSX table, each with its line number, read as a stream."""

import csv
import io
from collections.abc import Iterator

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from atelier.lib.uploads import UnreadableFile, check_workbook_archive, csv_problem, text_stream


def is_workbook(content: bytes, file_name: str) -> bool:
    return file_name.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK"


def table_rows(content: bytes, file_name: str, *, max_rows: int) -> Iterator[tuple[int, list]]:
    """(line, cells) of every non-blank row; raises UnreadableFile past `max_rows` or on a
    file that cannot be read on."""
    rows = _xlsx_rows(content) if is_workbook(content, file_name) else _csv_rows(content)
    count = 0
    for line, row in rows:
        if not any(str(cell if cell is not None else "").strip() for cell in row):
            continue
        count += 1
        if count > max_rows:
            raise UnreadableFile(
                _("The file has more than %(count)s rows.")
                % {"count": number_format(max_rows, force_grouping=True)}
            )
        yield line, row


def _csv_rows(content: bytes) -> Iterator[tuple[int, list]]:
    stream = text_stream(content, expected=_("CSV or XLSX"))
    first_line = stream.readline()
    stream.seek(0)
    reader = csv.reader(stream, delimiter=max(";,\t|", key=first_line.count))
    try:
        for row in reader:
            yield reader.line_num, list(row)
    except csv.Error as exc:
        raise UnreadableFile(csv_problem(reader.line_num, exc)) from exc
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("The file is not readable text.")) from exc


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    check_workbook_archive(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from exc
    try:
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    except Exception as exc:  # a sheet broken further down
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from exc
    finally:
        workbook.close()
