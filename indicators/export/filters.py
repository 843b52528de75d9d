"""The filters sheet of a download: what it contains and where it came from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from indicators import sources
from indicators.export.reading import sheet_name
from indicators.export.tables import ITEM, VALUE
from indicators.formatting import fmt_date
from indicators.i18n import t
from indicators.selection import Selection, source_words


def filters_frame(
    selection: Selection,
    tables: dict[str, pd.DataFrame],
    lang: str,
    exported: date,
    extra: Sequence[tuple[str, str]] = (),
) -> pd.DataFrame:
    """Two text columns, item and value: what the export contains and where it came from.

    `extra` (item, value) pairs, already in `lang`, follow the unit and the years (the
    dashboard adds its index, field and the chart's title)."""
    unit = f"{selection.unit_code} {selection.unit_name}" if selection.unit_code else None
    pairs = [
        (t("filters_unit", lang), unit or t("filters_all_units", lang)),
        (t("filters_from", lang), _year_text(selection.year_from, lang)),
        (t("filters_to", lang), _year_text(selection.year_to, lang)),
        *((str(item), str(value)) for item, value in extra),
        (t("filters_lang", lang), lang),
        (t("filters_date", lang), fmt_date(exported, lang)),
        (t("filters_source", lang), source_words(selection.source, lang)),
        *(
            (t("filters_rows", lang, sheet=sheet_name(name, lang)), str(len(frame)))
            for name, frame in tables.items()
        ),
        (t("filters_demo", lang), t("filters_demo_column", lang)),
    ]
    demo = any(sources.any_demo(frame) for frame in tables.values())
    banner = t("filters_demo_included" if demo else "filters_no_demo", lang)
    pairs.insert(0, (t("filters_banner", lang), banner))
    items, values = zip(*pairs, strict=True)
    return pd.DataFrame({ITEM: list(items), VALUE: list(values)}, dtype="string")


def _year_text(year: int | None, lang: str) -> str:
    return t("filters_all_years", lang) if year is None else str(year)
