"""One unit's headline figures for one year, with the sources behind them (`summary`).

The figures are the dashboard's headline (indicators.views.headline): published figures where
they were published, computed from imported rows, from the demo layer only when the dataset
has it on; a figure nobody reported is None (null), never 0. `demo` is true when a generated
figure contributed to any of them; `comparators` names a figure published as a bound ("more
than 20%": {"early_rate": ">"}).
"""

from __future__ import annotations

import json
from typing import Any

from indicators import schema as s
from indicators import sources
from indicators.dataset import Dataset
from indicators.units import find_unit
from indicators.views import Headline, headline

# JSON key -> (headline metric, decimals: None for a whole number)
FIGURES: dict[str, tuple[str, int | None]] = {
    "par_score": ("m_score", 2),
    "par_rank": ("m_rank", None),
    "procedures_level3": ("m_proc_3", None),
    "procedures_level4": ("m_proc_4", None),
    "procedures_full": ("m_proc_full", None),
    "procedures_partial": ("m_proc_partial", None),
    "online_share_level3": ("m_share_3", 2),
    "online_share_level4": ("m_share_4", 2),
    "online_share_full": ("m_share_full", 2),
    "online_share_partial": ("m_share_partial", 2),
    "online_share": ("m_share_all", 2),
    "shortened_procedures": ("m_shortened", None),
    "shortened_fields": ("m_short_fields", None),
    "one_stop_share": ("m_one_stop", 2),
    "on_time_rate": ("m_on_time", 2),
    "early_rate": ("m_early", 2),
}


def _number(value: float | None, digits: int | None) -> Any:
    if value is None:
        return None
    return round(float(value), digits) if digits is not None else int(value)


def unit_summary(dataset: Dataset, unit_query: str, year: int) -> dict[str, Any]:
    """The unit's figures of `year` as a JSON-ready dict (see the module)."""
    unit = find_unit(dataset.units, unit_query, year)
    code = str(unit[s.CODE])
    head: Headline = headline(dataset, code, year)
    out: dict[str, Any] = {"unit_code": code, "unit_name": unit[s.NAME_VI], "year": year}
    rank = head.get("m_rank")
    known = rank is not None and rank.value is not None
    out["par_index"] = head.index_id if known or _has(head, "m_score") else None
    ids: list[str] = []
    demo = False
    comparators = {}
    for key, (metric_key, digits) in FIGURES.items():
        metric = head.get(metric_key)
        value = metric.value if metric is not None else None
        out[key] = _number(value, digits)
        if metric is not None and value is not None:
            ids += metric.source_ids
            demo = demo or metric.demo
            if metric.comparator != "=":
                comparators[key] = metric.comparator
        if key == "par_rank":
            out["units_ranked"] = rank.total if known and rank is not None else None
    out["comparators"] = comparators
    out["sources"] = [described(c) for c in sources.citations(dataset, ids)]
    out["demo"] = demo
    return out


def as_json(summary: dict[str, Any]) -> str:
    """The summary as `summary` prints it and /api/v1/summary serves it (indicators.api)."""
    return json.dumps(summary, ensure_ascii=False, indent=2)


def _has(head: Headline, key: str) -> bool:
    metric = head.get(key)
    return metric is not None and metric.value is not None


def described(citation: sources.Citation) -> dict[str, Any]:
    """A source as the summary and /api/v1/meta list it."""
    return {
        "id": citation.id,
        "citation": citation.text("vi"),
        "title": citation.title,
        "publisher": citation.publisher,
        "url": citation.url,
        "kind": citation.kind,
        "reprint": citation.reprint,
    }
