"""Text from data or a URL made inert wherever it is drawn, and the only links data may make.

Unit names, field names, source titles and publishers come from files that offices send, and
URL parameters from whoever writes a link. Streamlit draws its texts as Markdown (captions,
warnings, titles, metric and widget labels) and Plotly draws a subset of HTML in titles,
labels and hovers (<a href>, <b>, <br>, entities): such a text must show as the characters it
is, never as a link, an image or a format. `inert(text, into)` is the one escape for both:

- "markdown": every mark that Markdown reads is backslash-escaped (CommonMark renders `\\*`
  as `*`), so no emphasis, link, image, HTML, entity, LaTeX, table, list, heading, autolink
  (`https\\://…`, `www\\.…`, `a\\@b\\.vn`: GFM finds these after parsing, so an invisible word
  joiner, U+2060, splits them too) or Streamlit directive (`:red[…]`, `:smile:`) can start;
  line breaks become spaces;
- "plotly": `&`, `<` and `>` become entities, which Plotly draws as the characters.

Links: only a source's own address, only http(s) with a host that parses (`web_url`), always
shown with its site (`site`); anything else is plain text, and none of these raises.
"""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from indicators.formatting import is_missing
from indicators.i18n import t

Into = Literal["markdown", "plotly"]

# what starts a format, a link, HTML, an entity, LaTeX, a list or heading, an autolink or a
# Streamlit directive; other marks (, ; ? ' " % /) mean nothing in Markdown and stay as they are
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&=@^])")
# GFM links bare addresses after parsing, on the text itself (escapes no longer show there):
# an invisible word joiner splits what it looks for ('://', 'www.', '@'), and Streamlit's
# ':shortcode:' emoji and icons
JOINER = "\u2060"
_AUTOLINKED = re.compile(r":.|www\.|@.", re.IGNORECASE | re.DOTALL)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
_PLOTLY = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_PLOTLY_TAG = re.compile(r"<[^>]*>")
_PLOTLY_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PLOTLY_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&"}
_WEB_SCHEMES = ("http", "https")
_SITE_PREFIXES = ("www.", "www1.", "m.")
# what a link's address may hold as it is; anything else (spaces, brackets, quotes, `<>\`,
# non-ASCII) is percent-encoded, so the address cannot end the Markdown link early
_URL_SAFE = "/:?#[]@!$&'*+,;=%-._~"


def inert(text: object, into: Into = "markdown") -> str:
    """`text` (from data or a URL) drawn as the characters it is: in Streamlit's Markdown
    ("markdown") or in Plotly's text ("plotly"). None gives ''."""
    value = "" if text is None else str(text)
    if into == "markdown":
        value = _AUTOLINKED.sub(lambda m: m.group(0)[:-1] + JOINER + m.group(0)[-1], value)
        return _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", value))
    if into == "plotly":
        return value.translate(_PLOTLY)
    raise ValueError(f"unknown target {into!r}; expected 'markdown' or 'plotly'")


def inert_cell(value: Any, into: Into = "plotly") -> Any:
    """`inert(value, into)` for a table cell; a missing value (None, NA, NaN) stays missing."""
    return value if is_missing(value) else inert(value, into)


def markdown_t(key: str, lang: str, /, **values: Any) -> str:
    """The registry's text `key` (indicators.i18n.t) for Streamlit's Markdown, every text
    value inert (names, URL parameters); the registry's own formatting is kept."""
    return t(key, lang, **{k: inert(v) if isinstance(v, str) else v for k, v in values.items()})


def plotly_plain(text: object) -> str:
    """A Plotly text (a chart title: its data already escaped) as plain characters: line
    breaks as spaces, no tags, entities decoded (for a message or a file naming the chart)."""
    value = _PLOTLY_TAG.sub("", _PLOTLY_BREAK.sub(" ", "" if text is None else str(text)))
    return re.sub("|".join(_PLOTLY_ENTITIES), lambda m: _PLOTLY_ENTITIES[m.group(0)], value)


def web_url(url: object) -> str | None:
    """`url` when it is an http(s) address with a host that parses; None for anything else
    (another scheme, no host, `https://[fe80::1`, a bad port, spaces or control characters)."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not text or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
        _ = parts.port  # a port that is not a number raises ValueError
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not host:
        return None
    return text


def site(url: object) -> str | None:
    """The host of a web address without www./m.: 'kinhtedothi.vn'; None when `url` is not
    one (see `web_url`)."""
    address = web_url(url)
    if address is None:
        return None
    host = urlsplit(address).hostname or ""
    for prefix in _SITE_PREFIXES:
        host = host.removeprefix(prefix)
    return host or None


def _href(address: str) -> str | None:
    """The address as a link target: the host in IDNA (ASCII), no user name or password (a
    public source needs none, and 'https://site.vn@evil.example' would mislead), the rest
    percent-encoded."""
    parts = urlsplit(address)
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except UnicodeError:
        return None
    port = f":{parts.port}" if parts.port is not None else ""
    netloc = (f"[{host}]" if ":" in host else host) + port  # an IPv6 host keeps its brackets
    return quote(parts._replace(netloc=netloc).geturl(), safe=_URL_SAFE)


def web_href(url: object) -> str | None:
    """`url` as a link target (an HTML page's href: the host in IDNA, no user name, the rest
    percent-encoded) when it is a web address (`web_url`); None otherwise."""
    address = web_url(url)
    return _href(address) if address is not None else None


def markdown_link(label: object, url: object) -> str:
    """`[label](url)` with the label inert, when `url` is a web address (`web_url`); the inert
    label alone otherwise. The caller puts the site into the label (see sources.markdown)."""
    text = inert(label)
    address = web_url(url)
    href = _href(address) if address is not None else None
    return f"[{text}]({href})" if href else text
