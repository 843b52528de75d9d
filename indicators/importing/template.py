"""Templates for the yearly update: a sheet with the Vietnamese headers and one example row,
and in the .xlsx a notes sheet ("Hướng dẫn") explaining every column in Vietnamese and English.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from indicators import schema as s
from indicators.importing import fields as f
from indicators.importing.reading import NOTES_SHEETS

DATA_SHEET = "Dữ liệu"
NOTES_SHEET = NOTES_SHEETS[0].capitalize()  # "Hướng dẫn": skipped when reading
TEXT_FORMAT = "@"  # keeps the leading zeros of codes such as 019
KIND_WORDS = {
    s.TEXT: "văn bản / text",
    s.INT: "số nguyên / whole number",
    s.FLOAT: "số, có thể lẻ / number",
    s.BOOL: "có, không / yes, no",
    s.DATE: "ngày dd/mm/yyyy / date",
}
DROPDOWNS = {
    s.ONLINE_LEVEL: "1,2,3,4,toàn trình,một phần,không",
    s.ONE_STOP: "có,không",
    s.DEMO: "có,không",
}
PAIRS = {
    s.UNIT_CODE: "mã hoặc tên / code or name",
    f.UNIT_NAME: "mã hoặc tên / code or name",
    s.SOURCE_ID: "mã nguồn hoặc tên nguồn / source id or title",
    f.SOURCE_TITLE: "mã nguồn hoặc tên nguồn / source id or title",
}


def general_notes(spec: f.ImportTable) -> list[str]:
    key = ", ".join(spec.table.key)
    return [
        "Mỗi dòng là một số liệu; dòng 1 là tiêu đề, giữ nguyên tên cột (có thể bỏ cột không "
        "bắt buộc). Xoá dòng ví dụ (dòng 2) hoặc ghi số liệu thật đè lên. / One figure per row; "
        "row 1 is the header: keep the column names (optional columns may be removed). Delete "
        "the example row (row 2) or overwrite it.",
        "Đơn vị: ghi mã hoặc tên, có hoặc không dấu, có hoặc không 'Quận/Huyện/Tỉnh'. / Unit: "
        "its code or name, with or without diacritics or its type.",
        "Nguồn: Mã nguồn của một nguồn đã có, hoặc Tên nguồn và Đường dẫn nguồn của nguồn mới "
        "(một dòng nguồn mới được tạo). / Source: the id of an existing source, or the title and "
        "URL of a new one (a new source row is created).",
        "Số: dấu thập phân phẩy hoặc chấm (95,7 = 95.7; 95,7% = 95,7 điểm). Ở cột số nguyên, "
        "1.234 = 1234. Ngày: ngày/tháng/năm. / Numbers: decimal comma or point (95,7 = 95.7; "
        "95,7% = 95.7 points); in whole-number columns 1.234 = 1234. Dates: day/month/year.",
        f"Khi nhập, dòng có cùng khóa ({key}) với số liệu đã lưu sẽ thay thế số liệu đó; hai dòng "
        f"cùng khóa trong một tệp bị từ chối. / On import, a row with the key ({key}) of a "
        "stored row replaces it; two rows with one key in a file are refused.",
        "Kiểm tra trước khi nhập / Check before importing: python -m indicators validate TỆP.xlsx",
        "Tệp CSV: UTF-8 (có hoặc không BOM), UTF-16 hoặc Windows-1258; không dùng phông TCVN3/VNI. "
        "/ CSV files: UTF-8 (with or without BOM), UTF-16 or Windows-1258; not TCVN3/VNI fonts.",
    ]


def required_text(spec: f.ImportTable, field: f.Field) -> str:
    if field.name in PAIRS:
        return PAIRS[field.name]
    if field.name in spec.defaults or field.name == s.INDEX_ID:
        default = spec.defaults.get(field.name, "theo cấp đơn vị / by the unit's level")
        shown = "có" if default is True else "không" if default is False else str(default)
        return f"không, mặc định / no, default: {shown}"
    column = spec.table.column(field.name) if field.name in spec.table.names else None
    return "có / yes" if column is not None and not column.nullable else "không / no"


def allowed_text(spec: f.ImportTable, field: f.Field) -> str:
    if field.name in f.CHOICES:
        return f.CHOICES[field.name].shown
    if field.name not in spec.table.names:
        return ""
    column = spec.table.column(field.name)
    low, high = column.minimum, column.maximum
    if low is not None and high is not None:
        return f"{low:g}–{high:g}"
    return f"≥ {low:g}" if low is not None else ""


def notes_rows(spec: f.ImportTable) -> list[list[str]]:
    """The rows of the notes sheet: general notes, then one row per column."""
    head = [
        "Cột (tiêu đề)",
        "Column",
        "Tên trong hệ thống / field",
        "Kiểu / type",
        "Bắt buộc / required",
        "Giá trị cho phép / allowed values",
        "Mô tả",
        "Description",
    ]
    rows = [[f"Hướng dẫn điền mẫu / How to fill in the template: {spec.name}"]]
    rows += [[note] for note in general_notes(spec)] + [[], head]
    for field in spec.fields:
        rows.append(
            [
                field.vi,
                field.en,
                field.name,
                KIND_WORDS[spec.kind(field.name)],
                required_text(spec, field),
                allowed_text(spec, field),
                field.help_vi,
                field.help_en,
            ]
        )
    return rows


def example_cells(spec: f.ImportTable) -> list[object]:
    return ["" if x.example is None else x.example for x in spec.fields]


def template_csv(table: str) -> bytes:
    """The template as CSV in UTF-8 with a BOM (Excel then shows the diacritics)."""
    spec = f.IMPORT_TABLES[table]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([x.vi for x in spec.fields])
    writer.writerow(example_cells(spec))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx(table: str) -> bytes:
    """The template as an .xlsx: the data sheet and the notes sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    spec = f.IMPORT_TABLES[table]
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append([x.vi for x in spec.fields])
    sheet.append(example_cells(spec))
    sheet.freeze_panes = "A2"
    for i, x in enumerate(spec.fields, start=1):
        letter = get_column_letter(i)
        sheet.cell(1, i).font = Font(bold=True)
        sheet.column_dimensions[letter].width = max(12, len(x.vi) + 4)
        if spec.kind(x.name) == s.TEXT:
            sheet.cell(2, i).number_format = TEXT_FORMAT
        if x.name in DROPDOWNS:
            check = DataValidation(type="list", formula1=f'"{DROPDOWNS[x.name]}"', allow_blank=True)
            sheet.add_data_validation(check)
            check.add(f"{letter}2:{letter}5000")
    notes = book.create_sheet(NOTES_SHEET)
    for row in notes_rows(spec):
        notes.append(row)
    notes["A1"].font = Font(bold=True)
    for column, width in zip("ABCDEFGH", (24, 20, 18, 18, 24, 28, 60, 60), strict=True):
        notes.column_dimensions[column].width = width
    first_column_row = len(general_notes(spec)) + 3
    for row in notes.iter_rows(min_row=first_column_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in notes[first_column_row]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_template(table: str, out: Path) -> None:
    """Write the template of `table` to `out` (.xlsx or .csv, by its suffix)."""
    makers = {".xlsx": template_xlsx, ".csv": template_csv}
    suffix = out.suffix.lower()
    if suffix not in makers:
        raise ValueError(f"unsupported template format {suffix!r}: use .xlsx or .csv")
    out.write_bytes(makers[suffix](table))
