"""What people really send: encodings, separators, NFD, legacy TCVN3/VNI fonts, non-files."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest
from bad_files.make_corpus import cp1258
from support.importing import copy_data

from indicators.importing import legacy, validate_bytes
from indicators.importing.errors import FileRefused
from indicators.importing.reading import decode_text
from indicators.importing.sniff import XLSX, kind_of
from indicators.importing.template import template_xlsx

HEADER = "Mã đơn vị,Tên đơn vị,Năm,Điểm,Mã nguồn"
ROWS = [
    '019,Quận Nam Từ Liêm,2024,"97,25",nam-tu-liem-2020',
    "005,cau giay,2024,96.5,nam-tu-liem-2020",
]


def text(delimiter: str = ",") -> str:
    lines = [HEADER, *ROWS]
    if delimiter != ",":
        lines = [HEADER.replace(",", delimiter)] + [
            "019;Quận Nam Từ Liêm;2024;97,25;nam-tu-liem-2020".replace(";", delimiter),
            "005;cau giay;2024;96.5;nam-tu-liem-2020".replace(";", delimiter),
        ]
    return "\r\n".join(lines) + "\r\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return str(copy_data(tmp_path_factory.mktemp("store")))


ENCODED = {
    "utf-8": lambda: text().encode("utf-8"),
    "utf-8 with BOM": lambda: text().encode("utf-8-sig"),
    "utf-16 unicode text": lambda: text("\t").encode("utf-16"),
    "utf-16-le without BOM": lambda: text("\t").encode("utf-16-le"),
    "windows-1258": lambda: cp1258(text()),
    "NFD": lambda: unicodedata.normalize("NFD", text()).encode("utf-8"),
    "semicolons": lambda: text(";").encode("utf-8"),
}


@pytest.mark.parametrize("name", list(ENCODED))
def test_files_in_every_accepted_encoding_validate(name, store):
    result = validate_bytes(ENCODED[name](), "diem.csv", store)
    assert result.ok, result.report()
    assert (result.table, result.added) == ("par_scores", 2)  # 2024: not published for them


def test_cp1258_is_read_as_vietnamese(store):
    decoded, encoding = decode_text("f.csv", cp1258(text()))
    assert encoding == "Windows-1258" and "Quận Nam Từ Liêm" in decoded


SAMPLE = "Mã đơn vị, Tên đơn vị, Năm, Điểm\n019, Quận Nam Từ Liêm, Hoàn Kiếm, Cầu Giấy, Đống Đa"


@pytest.mark.parametrize("encoding", [legacy.TCVN3, legacy.VNI])
def test_legacy_encodings_are_recognised_in_bytes_and_in_unicode_text(encoding):
    raw = legacy.encode(SAMPLE, encoding)
    assert legacy.decode(raw.decode("latin-1"), encoding) == unicodedata.normalize("NFC", SAMPLE)
    assert legacy.detect(raw.decode("cp1258"), raw.decode("latin-1")) == encoding
    assert legacy.detect(raw.decode("cp1252")) == encoding  # a .VnTime workbook's text
    with pytest.raises(FileRefused, match="Unikey"):
        decode_text("f.csv", raw)


@pytest.mark.parametrize(
    "sample", [SAMPLE, "Tân Bình, Hà Tây, Sơn Tây", "unit_code,year,score", "Tiếng Việt rất hay"]
)
def test_unicode_and_windows_1258_text_is_not_taken_for_a_legacy_encoding(sample):
    assert legacy.detect(sample) is None
    raw = cp1258(sample)
    assert (
        legacy.detect(unicodedata.normalize("NFC", raw.decode("cp1258")), raw.decode("latin-1"))
        is None
    )


def test_legacy_examples_of_the_brief():
    assert legacy.decode("TiÕng ViÖt rÊt hay", legacy.TCVN3) == "Tiếng Việt rất hay"
    assert legacy.decode("Quaän Nam Töø Lieâm", legacy.VNI) == "Quận Nam Từ Liêm"


def test_an_xlsx_is_recognised_by_its_content_not_its_name():
    assert kind_of("diem.csv", template_xlsx("par_scores")) == XLSX


def test_values_land_typed_in_the_dataset(tmp_path):
    from indicators.dataset import load_dataset
    from indicators.importing import import_bytes

    store = copy_data(tmp_path / "data")
    dossier = (
        "Tên đơn vị,Năm,Lĩnh vực,Mã thủ tục,Số hồ sơ tiếp nhận,Tiếp nhận trực tuyến,"
        "Giải quyết đúng hạn,Giải quyết trễ hạn,Mã nguồn\r\n"
        'nam tu liem,2024,Tư pháp,DEMO-01-001,"1.234","1.000",1.200,3,nam-tu-liem-2020\r\n'
    )
    result = import_bytes(dossier.encode("utf-8"), "hoso.csv", str(store), "t")
    assert result.ok, result.report()
    stats = load_dataset(store).dossier_stats
    row = stats[(stats["unit_code"] == "019") & (stats["year"] == 2024)]
    row = row[row["procedure_code"] == "DEMO-01-001"].iloc[0]
    assert (row["received"], row["submitted_online"], row["resolved_on_time"]) == (1234, 1000, 1200)
    assert not row["demo"] and pd.isna(row["resolved_early"])
