"""Every text of the dashboard in Vietnamese (default) and English: one registry.

`t(key, lang, **values)` returns the text with `{placeholders}` filled in. The texts live in
one module per area (`common`, `pages`, `charts`, `figures`, `formation`, `data`, `about`, `deck`, `export`,
`errors`, `importing`, `maps`, `meaning`, `targets`, `api`, `explain`, `pack`), each a `TEXTS`
dict of key -> {"vi": …, "en": …};
`STRINGS` is all of them (a key may appear in one module only). Errors take theirs through indicators.errors
(`BilingualError.of(key, …)`, `bilingual(key, …)`). Unit names, field names and source titles
are data, not UI text: they stay Vietnamese in both languages.
"""

from __future__ import annotations

from typing import Any

from indicators.i18n import (
    about,
    api,
    charts,
    common,
    data,
    deck,
    errors,
    explain,
    export,
    figures,
    formation,
    importing,
    maps,
    meaning,
    pack,
    pages,
    targets,
)

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
AREAS = (
    common,
    pages,
    charts,
    figures,
    formation,
    data,
    about,
    deck,
    export,
    errors,
    importing,
    maps,
    meaning,
    targets,
    api,
    explain,
    pack,
)


def _merged() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in AREAS:
        twice = merged.keys() & area.TEXTS.keys()
        if twice:
            raise ValueError(f"{area.__name__} repeats the keys {sorted(twice)}")
        merged |= area.TEXTS
    return merged


STRINGS: dict[str, dict[str, str]] = _merged()


def check_lang(lang: str) -> str:
    """`lang` when it is 'vi' or 'en'; ValueError otherwise."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    return lang


def t(key: str, lang: str = DEFAULT_LANG, /, **values: Any) -> str:
    """The text of `key` in `lang`, with `{placeholders}` filled from `values`."""
    text = STRINGS[key][check_lang(lang)]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the registry has a text for `key` (coded values with or without words)."""
    return key in STRINGS
