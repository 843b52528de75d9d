"""`/embed/<chart>`: one chart of the dashboard as a page of its own, for an intranet page's
iframe. The chart is the registry's (indicators.charts.registry: the same rows and figure as on
the dashboard, for the filters read from the URL as the dashboard reads them), with its source
line under it; with `demo=1` the page carries the demo banner, and the generated marks are
drawn as on the dashboard (faded, hatched, hollow) with the demo badge under the chart.

The page loads plotly.js from the server itself (`plotly.min.js`, beside it: the package's own
copy, no CDN), so an intranet without the internet draws it."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import replace
from html import escape
from urllib.parse import urlencode

import plotly.io as pio
from plotly.offline import get_plotlyjs

from indicators import sources, views
from indicators.api import params
from indicators.api.params import ApiError
from indicators.charts import registry
from indicators.dataset import Dataset
from indicators.escaping import plotly_plain, web_url
from indicators.i18n import t
from indicators.views.filters import INDEX_PARAM, PARAM_KEYS, Notice

PLOTLY_JS = "plotly.min.js"
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
HEIGHT = "460px"
STYLE = """
body { font-family: "Source Sans", "Source Sans Pro", system-ui, sans-serif; color: #1f2933;
       margin: 8px; background: #ffffff; }
.demo-banner { background: #fff3e0; border-left: 4px solid #ef6c00; padding: 6px 10px;
               margin: 0 0 8px; font-size: 0.9rem; }
.demo-badge { display: inline-block; background: #ffe0b2; color: #8a4b00; border-radius: 4px;
              padding: 1px 6px; font-size: 0.8rem; }
.sources, .open { font-size: 0.85rem; color: #505766; margin: 4px 0; }
"""


def chart_keys() -> tuple[str, ...]:
    return tuple(registry.SPECS)


def filters_of(given: Mapping[str, str], dataset: Dataset, demo: bool) -> views.Filters:
    """The dashboard's filters for the URL's parameters (indicators.views.resolve_params, from
    its defaults): what the dashboard would report as a notice and replace is refused here."""
    catalog = dataset.derived(("catalog",), lambda: views.build_catalog(dataset))
    base = replace(views.default_filters(catalog), demo=demo)
    filters, notices = views.resolve_params(given, catalog, dataset.units, base)
    if notices:
        raise _refused(notices[0], catalog)
    return filters


def _refused(notice: Notice, catalog: views.Catalog) -> ApiError:
    values = dict(notice.values)
    if notice.key == "bad_param":
        name = values["name"]
        if name == "lang":
            wanted = params.expected("api_expected_lang")
        elif name == "field" and not catalog.fields:
            wanted = params.expected("api_expected_no_field")
        else:  # index or field (demo is read before, api.params.demo)
            choices = INDEX_PARAM if name == "index" else catalog.fields
            wanted = params.expected("api_expected_choice", choices=", ".join(choices))
        return ApiError.of("api_bad_value", name=name, value=values["value"], expected=wanted)
    if notice.key == "year_outside":
        values.pop("year", None)
        return ApiError.of("api_year_outside", **values)
    return ApiError(notice.text("vi"), notice.text("en"))  # the unit's own message


def _dashboard_link(key: str, filters: views.Filters) -> str:
    page = registry.spec(key).page
    path = "" if page == "overview" else page.replace("_", "-")
    return f"../{path}?{urlencode(views.encode_params(filters))}"


def _source_line(cited: list[sources.Citation], lang: str) -> str:
    parts = []
    for citation in cited:
        text = escape(citation.text(lang))
        url = web_url(citation.url)
        parts.append(
            f'<a href="{escape(url)}" rel="noopener" target="_blank">{text}</a>' if url else text
        )
    listed = "; ".join(parts) or escape(t("no_source", lang))
    return f'<p class="sources">{escape(t("sources", lang))}: {listed}</p>'


def page(key: str, filters: views.Filters, dataset: Dataset) -> str:
    """The HTML page of chart `key` for `filters` (see the module)."""
    lang = filters.lang
    rows = registry.frame(key, dataset, filters)
    figure = registry.figure(key, rows, filters)
    title = plotly_plain(figure.layout.title.text or key)
    parts = []
    if filters.demo:
        parts.append(f'<p class="demo-banner">{escape(t("api_embed_demo_banner", lang))}</p>')
    if rows.empty:
        parts.append(f"<p>{escape(t('api_embed_no_data', lang, title=title))}</p>")
    else:
        parts.append(
            pio.to_html(
                figure,
                full_html=False,
                include_plotlyjs=False,
                config=PLOTLY_CONFIG,
                default_width="100%",
                default_height=HEIGHT,
            )
        )
        if sources.any_demo(rows):
            parts.append(f'<p><span class="demo-badge">{escape(t("demo_badge", lang))}</span></p>')
        parts.append(_source_line(sources.of_rows(dataset, rows), lang))
    link = escape(_dashboard_link(key, filters))
    parts.append(
        f'<p class="open"><a href="{link}" target="_blank" rel="noopener">'
        f"{escape(t('api_embed_open', lang))}</a></p>"
    )
    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{STYLE}</style>
<script src="{PLOTLY_JS}"></script>
</head>
<body>
{body}
</body>
</html>
"""


@functools.cache
def plotly_js() -> bytes:
    """plotly.js as the installed plotly package bundles it (read once)."""
    return get_plotlyjs().encode("utf-8")


__all__ = ["PARAM_KEYS", "PLOTLY_JS", "chart_keys", "filters_of", "page", "plotly_js"]
