"""Cross-row rules of the schema, on small frames worked out by hand."""

from __future__ import annotations

from frames import frame, units

from indicators import schema as s
from indicators.validation import check_table


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
