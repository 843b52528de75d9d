"""The pack as one self-contained HTML page (pure: a PackContent in, a string out).

plotly.js (from the installed plotly package) is inlined once, in the head; each chart is a
`<div>` and the `Plotly.newPlot` call of its figure, so the page needs no network: no `src=`
and no `href=` to anything outside the file but the citations' own web addresses. Every text
from data (unit, field and source names, key messages, addresses) is HTML-escaped here, and
inside the figures Plotly's texts were made inert by indicators.charts.registry.

The same page prints (`printable=True`, indicators.pack.pdf): A4 landscape, the title page
then one chart a page at a fixed size, the unit and period at the bottom left and the page
number ("Trang 2/9") at the bottom right of every page (CSS page-margin boxes), the demo
warning at the top of every page when generated figures are shown.
"""

from __future__ import annotations

import html
from functools import cache
from string import Template

import plotly.graph_objects as go
import plotly.io as pio

from indicators.escaping import web_href
from indicators.formatting import fmt_date
from indicators.i18n import t
from indicators.pack.content import PackChart, PackContent
from indicators.sources import Citation
from indicators.units import nfc

FONT = 'Arial, "Helvetica Neue", "Noto Sans", "DejaVu Sans", sans-serif'
RED, INK, MUTED, PANEL, RULE = "#c62828", "#1f2933", "#5b6270", "#f3f4f6", "#e6eaf1"
DEMO_BAND, DEMO_INK = "#ffe08a", "#5d4200"
CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d"]}
TITLE_ROOM = 40  # px of a figure's top margin that held its title
PRINT_SIZE = (1000, 520)  # px of a printed chart: fits an A4 landscape page with its text


@cache
def plotly_js() -> str:
    """plotly.js of the installed plotly package (about 4,8 MB), read once per process."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _e(text: object) -> str:
    """A text from data (or any text) as HTML character data or attribute value."""
    return html.escape(nfc(str(text)), quote=True)


def css_string(text: str) -> str:
    """`text` as a CSS string literal: every character but letters, digits and spaces as a
    hex escape (ended by a space, which the escape consumes), so a name cannot end the string,
    the rule or the <style> element."""
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in nfc(text))
    return f'"{escaped}"'


# --- pieces -------------------------------------------------------------------------------------


def citation_html(citation: Citation, lang: str) -> str:
    """The citation's text, linked to its own web address when it has one that parses."""
    text = _e(citation.text(lang))
    href = web_href(citation.url) if citation.site else None
    if not href:
        return text
    return f'<a href="{_e(href)}" rel="noopener noreferrer" target="_blank">{text}</a>'


def sources_html(cited: tuple[Citation, ...], lang: str) -> str:
    """'Nguồn: A; B; C' with every citation linked (none is left out)."""
    if not cited:
        return f"{_e(t('sources', lang))}: {_e(t('no_source', lang))}"
    key = "source_one" if len(cited) == 1 else "sources"
    return f"{_e(t(key, lang))}: " + "; ".join(citation_html(c, lang) for c in cited)


def figure_for_pack(figure: go.Figure, printable: bool) -> go.Figure:
    """The chart as the pack draws it: its title is the section's heading (not repeated in the
    figure), system fonts (the dashboard's web font is not in the file), and a fixed size
    for print."""
    out = go.Figure(figure)
    top = out.layout.margin.t
    # the title's room goes; a legend above the plot pushes the margin out as it needs
    out.update_layout(title_text=None, font_family=FONT, margin_t=max((top or 0) - TITLE_ROOM, 30))
    if printable:
        width, height = PRINT_SIZE
        out.update_layout(width=width, height=min(out.layout.height or height, height))
    return out


def chart_div(chart: PackChart, printable: bool) -> str:
    """The figure's <div> and its Plotly.newPlot call (no plotly.js: it is in the head)."""
    figure = figure_for_pack(chart.figure, printable)
    config = {**CONFIG, "responsive": not printable, "staticPlot": printable}
    height = figure.layout.height or 450
    return pio.to_html(
        figure,
        include_plotlyjs=False,
        include_mathjax=False,
        full_html=False,
        config=config,
        div_id=f"plot-{chart.key}",
        default_width=f"{figure.layout.width}px" if printable else "100%",
        default_height=f"{height}px",
    )


def demo_note(chart: PackChart, content: PackContent) -> str:
    if chart.demo:
        return f'<p class="demo-note">{_e(t("pack_chart_demo", content.lang))}</p>'
    if content.demo_on:
        return f'<p class="demo-note">{_e(t("pack_chart_demo_layer", content.lang))}</p>'
    return ""


def chart_section(number: int, chart: PackChart, content: PackContent, printable: bool) -> str:
    lang = content.lang
    return (
        f'<section class="chart sheet" id="chart-{_e(chart.key)}" data-key="{_e(chart.key)}">\n'
        f'<h2><span class="num">{number}</span>{_e(chart.title)}</h2>\n'
        f"{demo_note(chart, content)}"
        f'<div class="figure">{chart_div(chart, printable)}</div>\n'
        f'<p class="sources">{sources_html(chart.citations, lang)}</p>\n'
        "</section>"
    )


def title(content: PackContent) -> str:
    """'Quận Nam Từ Liêm — Chỉ số CCHC 2019–2024 (lập ngày 28/11/2025)': the document's title."""
    day = fmt_date(content.made, content.lang)
    return t("pack_title", content.lang, unit=content.unit_name, period=content.period, day=day)


GOAL_MARKS = {"met": ("✓", "met"), "not_met": ("✗", "missed")}


def goals_html(content: PackContent) -> str:
    """The official targets of the period's last year, marked met (✓) or missed (✗), with
    the documents that set them; nothing when no target binds the unit."""
    if not content.goals:
        return ""
    lang = content.lang
    heading = t("targets_heading", lang, unit=content.unit_name, year=content.years[1])
    items = "".join(
        f'<li class="{GOAL_MARKS.get(status, ("–", "other"))[1]}">'
        f'<span class="mark">{GOAL_MARKS.get(status, ("–", "other"))[0]}</span>{_e(line)}</li>'
        for status, line in content.goals
    )
    return (
        f'<section class="goals"><h2>{_e(heading)}</h2><ul>{items}</ul>'
        f'<p class="sources">{sources_html(content.goals_cited, lang)}</p></section>\n'
    )


def cover(content: PackContent, printable: bool = False) -> str:
    """The title page: unit, period, date made, what the figures are, the key messages and
    the contents (with each chart's page when printed: the title page, then one a page)."""
    lang = content.lang
    messages = "".join(f"<li>{_e(m)}</li>" for m in content.messages)
    if not messages:
        messages_html = f'<p class="none">{_e(t("pack_no_messages", lang))}</p>'
    else:
        messages_html = f"<ol>{messages}</ol>"
    page = t("pack_page", lang).lower()
    contents = "".join(
        f'<li><a href="#chart-{_e(c.key)}">{_e(c.title)}</a>'
        + (f' <span class="at">· {_e(page)} {i}</span>' if printable else "")
        + "</li>"
        for i, c in enumerate(content.charts, start=2)
    )
    contents_html = (
        f"<ol>{contents}</ol>"
        if contents
        else f'<p class="none">{_e(t("pack_no_charts", lang))}</p>'
    )
    day = fmt_date(content.made, lang)
    return (
        '<header class="cover sheet">\n'
        '<div class="lead">\n'
        f'<p class="kicker">{_e(t("pack_kicker", lang))}</p>\n'
        f"<h1>{_e(content.unit_name)}</h1>\n"
        '<div class="bar"></div>\n'
        f'<p class="subtitle">{_e(t("pack_subtitle", lang, period=content.period))}</p>\n'
        f'<p class="made">{_e(t("pack_made", lang, day=day))}</p>\n'
        f'<p class="about">{_e(t("pack_about", lang))}</p>\n'
        f"{goals_html(content)}"
        "</div>\n"
        '<div class="side">\n'
        f'<section class="messages"><h2>{_e(t("pack_messages", lang))}</h2>'
        f"{messages_html}</section>\n"
        f'<nav class="contents"><h2>{_e(t("pack_contents", lang))}</h2>{contents_html}</nav>\n'
        "</div>\n"
        "</header>"
    )


# --- the page -----------------------------------------------------------------------------------

STYLE = Template("""
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:$font;color:$ink;background:#fff;line-height:1.45;font-size:16px}
a{color:#1d4f91}
.demo-band{background:$demo_band;color:$demo_ink;font-weight:700;text-align:center;
 padding:8px 16px;letter-spacing:.02em;position:sticky;top:0;z-index:10}
main{max-width:1120px;margin:0 auto;padding:0 20px 40px}
.cover{display:grid;grid-template-columns:minmax(0,1.05fr) minmax(0,1fr);gap:40px;
 padding:48px 0 32px;border-bottom:1px solid $rule}
.lead{border-left:10px solid $red;padding-left:28px}
.kicker{color:$red;font-weight:700;text-transform:uppercase;letter-spacing:.06em;margin:0 0 12px}
h1{font-size:44px;line-height:1.12;margin:0 0 16px}
.bar{width:90px;height:6px;background:$red;margin:0 0 18px}
.subtitle{font-size:22px;color:$muted;margin:0 0 6px}
.made{font-size:18px;color:$muted;margin:0 0 24px}
.about{background:$panel;padding:14px 16px;font-size:15px;margin:0}
.side h2,.goals h2{font-size:20px;margin:0 0 10px}
.goals{margin-top:22px}
.goals ul{list-style:none;padding:0;margin:0 0 8px}
.goals li{position:relative;padding-left:26px;margin:0 0 8px;font-size:14px;line-height:1.4}
.goals .mark{position:absolute;left:0;top:0;font-weight:700;color:#546e7a}
.goals li.met .mark{color:#2e7d32}.goals li.missed .mark{color:#c62828}
.messages ol{counter-reset:m;list-style:none;padding:0;margin:0 0 24px}
.messages li{counter-increment:m;position:relative;padding-left:44px;margin:0 0 12px;
 font-size:17px}
.messages li::before{content:counter(m);position:absolute;left:0;top:0;width:30px;height:30px;
 border-radius:50%;background:$red;color:#fff;font-weight:700;text-align:center;
 line-height:30px;font-size:15px}
.contents ol{margin:0;padding-left:22px;font-size:15px}
.contents li{margin:0 0 4px}
.none{color:$muted}
.chart{padding:32px 0 16px;border-bottom:1px solid $rule}
.chart h2{font-size:22px;line-height:1.25;margin:0 0 12px;display:flex;gap:12px;
 align-items:flex-start}
.num{flex:none;background:$red;color:#fff;border-radius:4px;font-size:16px;min-width:30px;
 text-align:center;padding:2px 6px;margin-top:2px}
.demo-note{background:$demo_band;color:$demo_ink;font-weight:700;padding:6px 10px;margin:0 0 10px;
 font-size:14px;border-radius:4px}
.figure{width:100%;overflow:hidden}
.sources{font-size:13.5px;color:$muted;margin:10px 0 0;overflow-wrap:anywhere}
.end{max-width:1120px;margin:0 auto;padding:16px 20px 32px;color:$muted;font-size:13px}
@media (max-width:760px){
 body{font-size:15px}
 main{padding:0 12px 24px}
 .cover{grid-template-columns:1fr;gap:24px;padding:24px 0}
 .lead{border-left-width:6px;padding-left:16px}
 h1{font-size:32px}
 .subtitle{font-size:18px}.made{font-size:16px}
 .messages li{font-size:16px}
 .chart h2{font-size:19px}
}
""")

PRINT_STYLE = Template("""
@page{size:A4 landscape;margin:12mm 12mm 14mm;
 @bottom-left{content:$where;font:10pt $font;color:$muted}
 @bottom-right{content:$page " " counter(page) "/" counter(pages);font:10pt $font;color:$muted}
 $top}
html,body{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:14px}
.demo-band{display:none}
main{max-width:none;padding:0}
.sheet{break-after:page;break-inside:avoid;border-bottom:0}
.sheet:last-child{break-after:auto}
.cover{grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:28px;padding:8px 0 0}
.lead{border-left-width:8px;padding-left:20px}
h1{font-size:34px}
.subtitle{font-size:18px}.made{font-size:15px}.about{font-size:12.5px}
.messages li{font-size:14.5px;margin-bottom:8px;min-height:30px}
.contents ol{font-size:13px}
.contents .at{color:$muted;white-space:nowrap}
.chart{padding:0}
.chart h2{font-size:20px}
.figure{width:1000px}
.sources{font-size:12px}
.end{display:none}
""")
DEMO_TOP = Template(
    "@top-center{content:$band;font:bold 10pt $font;color:$demo_ink;background:$demo_band}"
)


def style(content: PackContent, printable: bool) -> str:
    """The page's CSS; for print, the page boxes with the unit, the period, the page number
    and, when generated figures are shown, the demo warning (data as CSS strings)."""
    look = {
        "demo_band": DEMO_BAND,
        "demo_ink": DEMO_INK,
        "muted": MUTED,
        "panel": PANEL,
        "font": FONT,
        "rule": RULE,
        "ink": INK,
        "red": RED,
    }
    css = STYLE.substitute(look)
    if not printable:
        return css
    band = css_string(t("demo_banner_short", content.lang).upper())
    top = DEMO_TOP.substitute(look, band=band) if content.demo else ""
    where = css_string(f"{content.unit_name} · {content.period}")
    page = css_string(t("pack_page", content.lang))
    return css + PRINT_STYLE.substitute(look, where=where, page=page, top=top)


def build_html(content: PackContent, *, printable: bool = False) -> str:
    """The whole page: plotly.js once, the title page (unit, period, date made, key messages,
    contents), then one section per chart with its demo note and its sources."""
    lang = content.lang
    band = ""
    if content.demo:
        band = f'<div class="demo-band" role="alert">{_e(t("demo_banner_short", lang))}</div>\n'
    sections = "\n".join(
        chart_section(i, chart, content, printable)
        for i, chart in enumerate(content.charts, start=1)
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{_e(t("pack_footer", lang))}">\n'
        f"<title>{_e(title(content))}</title>\n"
        f"<style>{style(content, printable)}</style>\n"
        f'<script type="text/javascript">{plotly_js()}</script>\n'
        "</head>\n<body>\n"
        f"{band}<main>\n{cover(content, printable)}\n{sections}\n</main>\n"
        f'<footer class="end">{_e(t("pack_footer", lang))} · {_e(title(content))}</footer>\n'
        "</body>\n</html>\n"
    )
