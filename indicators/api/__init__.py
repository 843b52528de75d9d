"""Data by address: the dashboard's own process serves its figures to scripts and intranet
pages, read-only, with the command line's filters and numbers.

- `summary(query)`: `/api/v1/summary?unit=019&year=2023`, the JSON that `python -m indicators
  summary --unit 019 --year 2023` prints (indicators.summary, the same function and text);
- `table(name, query)`: `/api/v1/<table>.csv|json|parquet?unit=&from=&to=&lang=`, the rows of
  one table of `export` (api.tables);
- `meta(query)`: `/api/v1/meta`, the tables, their columns with their meanings, the sources,
  the data version and when it was read (api.meta);
- `embed(chart, query)`: `/embed/<chart>?unit=&year=…`, one chart of the dashboard as an HTML
  page with its source line (api.embed), and `plotly_js()`, the plotly.js it loads.

Each returns a `Reply` (status, media type, headers, body as chunks) that the web glue
(ui/routes.py) hands to Starlette, so that nothing here depends on a web framework. The data
is the dashboard's (PAR_DATA_SOURCE, loaded once per version and shared with its sessions,
indicators.served); the generated demo layer only with `demo=1`, and then every reply says
`X-PAR-Demo: 1`, each row keeps its `demo` column and the JSON its `demo` flag. A request the
routes cannot answer gets `{"error": {"vi": …, "en": …}}` with 400 (a parameter, a unit, a
year, a table or a chart that is not one) or 404 (an address under /api/v1 that is none).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from indicators import served
from indicators.api import embed as _embed
from indicators.api import meta as _meta
from indicators.api import params, tables
from indicators.api.params import ApiError
from indicators.errors import BilingualError
from indicators.selection import SelectionError
from indicators.settings import SettingInvalid
from indicators.summary import as_json, unit_summary
from indicators.units import UnitAmbiguous, UnitNotFound
from indicators.validation import DatasetInvalid

PREFIX = "/api/v1"
JSON = "application/json"
HTML = "text/html; charset=utf-8"
JAVASCRIPT = "text/javascript; charset=utf-8"
DEMO_HEADER = "X-PAR-Demo"
PLOTLY_JS = _embed.PLOTLY_JS  # beside the embedded charts: /embed/plotly.min.js
ROUTES = (
    f"{PREFIX}/summary?unit=&year=",
    f"{PREFIX}/meta",
    f"{PREFIX}/<table>.csv|json|parquet?unit=&from=&to=",
    "/embed/<chart>?unit=&year=",
)
SUMMARY_PARAMS = ("unit", "year", "demo")
TABLE_PARAMS = ("unit", "from", "to", "lang", "demo")
META_PARAMS = ("demo",)
Query = Iterable[tuple[str, str]]


@dataclass(frozen=True)
class Reply:
    """What to answer: `body` is an iterable of byte chunks (a large table streams)."""

    status: int
    media_type: str
    body: Iterable[bytes]
    headers: dict[str, str] = field(default_factory=dict)


def _demo_headers(demo: bool) -> dict[str, str]:
    return {DEMO_HEADER: "1" if demo else "0"}


def _json_reply(body: Any, demo: bool) -> Reply:
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, indent=2)
    return Reply(200, JSON, [text.encode("utf-8")], _demo_headers(demo))


def error_reply(error: BilingualError, status: int = 400) -> Reply:
    """`{"error": {"vi": …, "en": …}}` with `status`."""
    body = json.dumps({"error": {"vi": error.vi, "en": error.en}}, ensure_ascii=False)
    return Reply(status, JSON, [body.encode("utf-8")])


def answered(handler: Callable[[], Reply]) -> Reply:
    """`handler()`, or the bilingual error reply for a request it refused: 400 for the user's
    parameters (ApiError, an unknown or ambiguous unit, a reversed year range), 503 when the
    data cannot be read (an invalid dataset or setting)."""
    try:
        return handler()
    except ApiError as exc:
        return error_reply(exc, exc.status)
    except (UnitNotFound, UnitAmbiguous, SelectionError) as exc:
        return error_reply(exc, 400)
    except SettingInvalid as exc:
        return error_reply(ApiError.of("api_unavailable", reason=str(exc)), 503)
    except DatasetInvalid as exc:
        reason = str(exc).splitlines()[0]
        return error_reply(ApiError.of("api_unavailable", reason=reason), 503)


def summary(query: Query) -> Reply:
    def run() -> Reply:
        given = params.query(query, SUMMARY_PARAMS)
        unit = params.unit(given, required=True)
        year = params.year(given, "year", required=True)
        demo = params.demo(given)
        dataset, _ = served.current(demo)
        return _json_reply(as_json(unit_summary(dataset, str(unit), int(year or 0))), demo)

    return answered(run)


def table(name: str, query: Query) -> Reply:
    def run() -> Reply:
        split = tables.split_name(name)
        if split is None or split[0] not in tables.TABLES:
            raise ApiError.of(
                "api_unknown_table",
                name=name,
                tables=", ".join(tables.TABLES),
                formats=", ".join(tables.FORMATS),
            )
        table_name, fmt = split
        given = params.query(query, TABLE_PARAMS)
        unit = params.unit(given)
        first, last = params.year(given, "from"), params.year(given, "to")
        lang, demo = params.lang(given), params.demo(given)
        dataset, _ = served.current(demo)
        selection, frame = tables.selected(dataset, table_name, unit, first, last, lang)
        body = tables.chunks(fmt, table_name, selection, frame, lang)
        return Reply(200, tables.MEDIA_TYPES[fmt], body, _demo_headers(demo))

    return answered(run)


def meta(query: Query) -> Reply:
    def run() -> Reply:
        demo = params.demo(params.query(query, META_PARAMS))
        dataset, version = served.current(demo)
        return _json_reply(_meta.meta(dataset, version), demo)

    return answered(run)


def embed(chart: str, query: Query) -> Reply:
    def run() -> Reply:
        if chart not in _embed.chart_keys():
            raise ApiError.of(
                "api_unknown_chart", name=chart, charts=", ".join(_embed.chart_keys())
            )
        given = params.query(query, _embed.PARAM_KEYS)
        demo = params.demo(given)
        dataset, _ = served.current(demo)
        filters = _embed.filters_of(given, dataset, demo)
        html = _embed.page(chart, filters, dataset)
        return Reply(200, HTML, [html.encode("utf-8")], _demo_headers(demo))

    return answered(run)


def plotly_js() -> Reply:
    headers = {"Cache-Control": "public, max-age=86400"}
    return Reply(200, JAVASCRIPT, [_embed.plotly_js()], headers)


def not_found(path: str) -> Reply:
    error = ApiError.of("api_not_found", path=path, routes="; ".join(ROUTES))
    return error_reply(error, 404)
