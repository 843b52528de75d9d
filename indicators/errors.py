"""One bilingual error: what went wrong, in Vietnamese and English.

Every error the dashboard or the command line shows to a person derives from `BilingualError`
(RankingError, SelectionError, UnitNotFound, SettingInvalid, BoundaryUnavailable, …), keeping
its own name and its usual base (ValueError, LookupError) so callers catch it as before.
"""

from __future__ import annotations

from typing import Any, Self

from indicators.i18n import t


def bilingual(key: str, **values: Any) -> tuple[str, str]:
    """The registry's text `key` (indicators.i18n) in Vietnamese and English, filled in."""
    return t(key, "vi", **values), t(key, "en", **values)


class BilingualError(Exception):
    """`vi` and `en` say what is wrong; `text(lang)` picks one; str() gives 'vi / en'."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi = vi
        self.en = en

    @classmethod
    def of(cls, key: str, **values: Any) -> Self:
        """The error whose texts are the registry's `key` (indicators.i18n) filled with `values`."""
        return cls(*bilingual(key, **values))

    def text(self, lang: str) -> str:
        """The message in `lang` ('en' gives English, anything else Vietnamese)."""
        return self.en if lang == "en" else self.vi
