"""Cross-row rules of the schema, on small frames worked out by hand."""

from __future__ import annotations

import unicodedata

import pandas as pd
from support.frames import frame, units

from indicators import schema as s
from indicators.validation import Failure, check_table


def rules_hit(table: s.Table, df) -> set[tuple[str, int]]:
    return {(f.rule, f.row) for f in check_table(table, df)[1]}


def test_overlapping_versions_of_a_code_are_refused():
    df = units(
        [
            {"code": "08", "name_vi": "Tỉnh Tuyên Quang", "level": "province",
             "valid_from": "2008-08-01", "valid_to": "2025-06-30"},
            {"code": "08", "name_vi": "Tỉnh Tuyên Quang", "level": "province",
             "valid_from": "2025-07-01"},  # follows on: fine
            {"code": "01", "name_vi": "Thành phố Hà Nội", "level": "province",
             "valid_from": "2008-08-01"},
            {"code": "01", "name_vi": "Thành phố Hà Nội", "level": "province",
             "valid_from": "2025-07-01"},  # the first version never ended: overlap
        ]
    )  # fmt: skip
    hit = {row for rule, row in rules_hit(s.UNITS, df) if rule == "versions_overlap"}
    assert hit == {4}


def test_a_yearly_total_beside_procedure_rows_is_refused():
    counts = {"received": 10, "submitted_online": 1, "resolved_on_time": 9,
              "resolved_early": 2, "resolved_late": 1, "pending": 0}  # fmt: skip
    df = frame(
        "dossier_stats",
        [
            {"unit_code": "019", "year": 2019, "procedure_code": "P1", **counts},
            {"unit_code": "019", "year": 2019, "procedure_code": "P2", **counts},
            {"unit_code": "019", "year": 2019, **counts},  # the total again: double count
            {"unit_code": "001", "year": 2019, **counts},  # another unit, totals only: fine
        ],
    )
    hit = {row for rule, row in rules_hit(s.DOSSIER_STATS, df) if rule == "one_granularity"}
    assert hit == {1, 2, 3}


def test_infinite_and_huge_numbers_are_refused_not_wrapped_round():
    """An infinite score ranked 1st and drew a traceback on /map; a count past 64 bits wrapped
    round to a negative number and slipped past 'on time + late <= received'."""
    scores = frame(
        "par_scores",
        [{"unit_code": "001", "score": 95.7}, {"unit_code": "002", "score": 96.1},
         {"unit_code": "003", "score": 90.0}],
        index_id="hanoi_par", year=2023,
    ).astype({"score": object})  # fmt: skip
    scores.loc[1, "score"] = float("inf")
    scores.loc[2, "score"] = float("-inf")
    typed, failures = check_table(s.PAR_SCORES, scores)
    assert {(f.rule, f.row, f.column) for f in failures} == {
        ("finite", 2, "score"),
        ("finite", 3, "score"),
    }
    assert typed["score"].isna().tolist() == [False, True, True]
    assert "not a finite number" in failures[0].en and "hữu hạn" in failures[0].vi

    counts = {"received": 10, "submitted_online": 1, "resolved_on_time": 9,
              "resolved_early": 2, "resolved_late": 1, "pending": 0}  # fmt: skip
    stats = frame("dossier_stats", [{"unit_code": "019", "year": 2019, **counts}] * 2)
    stats = stats.astype({"received": object, "resolved_on_time": object, "resolved_late": object})
    stats.loc[1, ["received", "resolved_on_time", "resolved_late"]] = [2**63 - 1, 2**62, 2**62]
    stats.loc[1, "unit_code"] = "020"
    typed, failures = check_table(s.DOSSIER_STATS, stats)
    assert {(f.rule, f.row, f.column) for f in failures} == {
        ("finite", 2, "received"),
        ("finite", 2, "resolved_on_time"),
        ("finite", 2, "resolved_late"),
    }
    assert typed["received"].isna().tolist() == [False, True]  # NA, never -9.2e18


def test_a_long_value_is_shown_cut_with_its_length():
    line = Failure("procedures", 2, "procedure_name", "a" * 100_000, "type", "vi", "en").line()
    assert len(line) < 200 and "(100000 ký tự/characters)" in line
    short = Failure("procedures", 2, "field", "Tư\u200b pháp", "type", "vi", "en").line()
    assert "'Tư\\u200b pháp'" in short  # an invisible character is shown escaped


def test_a_report_line_never_carries_a_character_that_drives_the_terminal():
    """A file name or a header with an escape code or a direction override (the file's own
    words reach the report there) is written escaped, and a long header cut."""
    failure = Failure("\x1b[2Jdiem.csv", 2, "Điểm\u202e" + "x" * 100, None, "type", "vi", "en")
    line = failure.line()
    assert line.isprintable() and "\\x1b[2Jdiem.csv" in line and "Điểm\\u202e" in line
    assert len(line) < 140 and "x" * 60 not in line


def test_cells_are_converted_by_value_not_by_spelling():
    """Text is NFC-normalised and typed once per distinct value (a demo table has 70 000 rows
    and a few hundred distinct values): two spellings of one name become one text, a number in
    a name column keeps its own spelling (1 and 1.0 are equal numbers, not equal texts), a
    code is checked against its pattern, and yes/no cells read as the same flags."""
    nfc = "Quận Nam Từ Liêm"
    nfd = unicodedata.normalize("NFD", nfc)  # as some keyboards and PDFs write it
    df = units(
        [
            {"code": "019", "name_vi": nfd, "level": "district", "valid_from": "2014-04-01"},
            {"code": "001", "name_vi": nfc, "level": "district", "valid_from": "2008-08-01"},
            {"code": "002", "name_vi": 1, "level": "district", "valid_from": "2008-08-01"},
            {"code": "003", "name_vi": 1.0, "level": "district", "valid_from": "2008-08-01"},
            {"code": "1a", "name_vi": "X", "level": "district", "valid_from": "2008-08-01"},
        ]
    )
    typed, failures = check_table(s.UNITS, df)
    assert list(typed[s.NAME_VI]) == [nfc, nfc, "1", "1.0", "X"]
    assert len(nfd) == len(nfc) + 5
    assert {(f.rule, f.row) for f in failures if f.column == s.CODE} >= {("format", 5)}
    assert all(f.row == 5 for f in failures)

    cells = [True, "true", "1", 1, "False", 0, "0", None, "yes"]
    flags = frame(
        "procedures",
        [{"unit_code": "019", "year": 2024, "procedure_code": f"P{i}", "procedure_name": "Cấp phép",
          "field": "Xây dựng", "source_id": "x", "demo": False} for i in range(len(cells))],
    ).assign(one_stop=pd.Series(cells, dtype=object))  # fmt: skip
    typed, failures = check_table(s.PROCEDURES, flags)
    assert list(typed[s.ONE_STOP].astype(object)) == [
        True, True, True, True, False, False, False, pd.NA, pd.NA,
    ]  # fmt: skip
    assert ("type", 9, s.ONE_STOP) in {(f.rule, f.row, f.column) for f in failures}
