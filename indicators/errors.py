"""One bilingual error: what went wrong, in Vietnamese and English.

Every error the dashboard or the command line shows to a person derives from `BilingualError`
(RankingError, SelectionError, UnitNotFound, SettingInvalid, BoundaryUnavailable, …), keeping
its own name and its usual base (ValueError, LookupError) so callers catch it as before.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Self

from indicators.i18n import t


class Both(NamedTuple):
    """A value written differently in each language (a field's name, a decimal mark)."""

    vi: Any
    en: Any


def bilingual(key: str, /, **values: Any) -> tuple[str, str]:
    """The registry's text `key` (indicators.i18n) in Vietnamese and English, filled in with
    `values`; a `Both(vi, en)` value fills each language with its own."""

    def filled(lang: str) -> str:
        own = {k: getattr(v, lang) if isinstance(v, Both) else v for k, v in values.items()}
        return t(key, lang, **own)

    return filled("vi"), filled("en")


class BilingualError(Exception):
    """`vi` and `en` say what is wrong; `text(lang)` picks one; str() gives 'vi / en'."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi = vi
        self.en = en

    @classmethod
    def of(cls, key: str, /, **values: Any) -> Self:
        """The error whose texts are the registry's `key` (indicators.i18n) filled with `values`."""
        return cls(*bilingual(key, **values))

    def text(self, lang: str) -> str:
        """The message in `lang` ('en' gives English, anything else Vietnamese)."""
        return self.en if lang == "en" else self.vi
