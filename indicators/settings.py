"""Every setting in one registry: name, default and help. Read from the environment."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from indicators.errors import BilingualError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DATA = PROJECT_ROOT / "data"


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.name, "") or self.default


SETTINGS = (
    Setting(
        "PAR_DATA_SOURCE",
        str(BUNDLED_DATA),
        "Where the dataset is: a folder of Parquet files (one per table) or a SQLAlchemy URL "
        "such as postgresql+psycopg://user@host/db. Default: the bundled data/ folder.",
    ),
    Setting(
        "PAR_DEMO",
        "0",
        "1: the dashboard opens with the generated demo data switched on (a showcase server); "
        "0 (the default): only published and imported figures until a user switches demo "
        "data on in the sidebar (URL demo=1). Generated figures are marked wherever they show.",
    ),
    Setting(
        "PAR_MAX_UPLOAD_MB",
        "20",
        "Largest spreadsheet that `validate`, `import` and the upload accept, in MB (more than "
        "0, at most 1 000 000); larger files are refused before they are read.",
    ),
    Setting(
        "PAR_MAX_ROWS",
        "50000",
        "Most rows with data that `validate`, `import` and the upload read from a file (all "
        "its sheets together; nor may one sheet's XML hold more rows); a larger file is "
        "refused while it is read. A province's procedure catalogue is a few thousand rows a "
        "year.",
    ),
    Setting(
        "PAR_MAX_COLUMNS",
        "1000",
        "Most cells in one row (one line of a CSV) of an uploaded file; a longer row is "
        "refused before it is split into cells. The templates have about 20 columns.",
    ),
    Setting(
        "PAR_MAX_CELLS",
        "2000000",
        "Most cells read from an uploaded file in all (rows × columns, all sheets together).",
    ),
    Setting(
        "PAR_READ_SECONDS",
        "60",
        "Longest time, in seconds, that reading an uploaded file may take (checked while it "
        "is read: the file is refused once it is over, whatever slows it down).",
    ),
    Setting(
        "PAR_ADMIN_PASSWORD",
        "",
        "Password of the administrator who uploads, imports and rolls back data on the /data "
        "page. Empty (the default): upload is off. Also read from the key PAR_ADMIN_PASSWORD "
        "of .streamlit/secrets.toml (git-ignored); never commit it.",
    ),
    Setting(
        "PAR_REFRESH_MINUTES",
        "0",
        "How often a database source is read again, in minutes, for a live one-stop "
        "database whose dossier records grow without imports (e.g. 60). 0 (the default): "
        "only after an import, a rollback or a restart. A folder needs none: its files are "
        "watched. The first run after each period loads the data and runs the GROUP BYs again "
        "(seconds at millions of records).",
    ),
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}


class SettingInvalid(BilingualError, ValueError):
    """A setting's value cannot be used; the message names it, in Vietnamese and English."""


def refresh_minutes() -> float:
    """PAR_REFRESH_MINUTES as a number of minutes (0: off); decimals with ',' or '.'."""
    text = get("PAR_REFRESH_MINUTES").strip()
    try:
        minutes = float(text.replace(",", "."))
    except ValueError:
        minutes = -1.0
    if not 0 <= minutes < float("inf"):
        raise SettingInvalid.of("err_refresh_minutes", text=repr(text))
    return minutes


MAX_UPLOAD_MB_CEILING = 1_000_000.0  # a terabyte: more is a typo, and would overflow on use


def max_upload_mb() -> float:
    """PAR_MAX_UPLOAD_MB as a number of megabytes, 0 < MB ≤ 1 000 000 (decimals with ',' or
    '.'); SettingInvalid naming the setting and the value otherwise (inf, nan, -1, abc)."""
    text = get("PAR_MAX_UPLOAD_MB").strip()
    try:
        mb = float(text.replace(",", "."))
    except ValueError:
        mb = -1.0
    if not 0 < mb <= MAX_UPLOAD_MB_CEILING:  # False for nan too
        raise SettingInvalid.of("err_max_upload", text=repr(text))
    return mb


def refresh_period(now: float, minutes: float) -> str:
    """The refresh period that `now` (seconds since the epoch) falls in, as a suffix of a
    source's version: '' when refreshing is off, so the version is the source's own."""
    return f"@{int(now // (minutes * 60))}" if minutes > 0 else ""


_WHOLE = re.compile(r"\d+|\d{1,3}(?:[ .,_\u00a0]\d{3})+")


def _limit(name: str, whole: bool) -> float:
    """A limit setting: a whole number ≥ 1 (digit groups may be set apart: 100 000, 100.000)
    or, with `whole` False, a number of seconds > 0 (0,5 or 0.5); SettingInvalid otherwise."""
    text = get(name).strip()
    if whole:
        value = float(re.sub(r"\D", "", text)) if _WHOLE.fullmatch(text) else 0.0
    else:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            value = 0.0
    if not 0 < value < float("inf"):
        key = "err_limit_whole" if whole else "err_limit_seconds"
        raise SettingInvalid.of(key, name=name, text=repr(text))
    return value


def max_rows() -> int:
    """PAR_MAX_ROWS: most rows with data read from an uploaded file."""
    return int(_limit("PAR_MAX_ROWS", whole=True))


def max_columns() -> int:
    """PAR_MAX_COLUMNS: most cells in one row or CSV line of an uploaded file."""
    return int(_limit("PAR_MAX_COLUMNS", whole=True))


def max_cells() -> int:
    """PAR_MAX_CELLS: most cells read from an uploaded file in all."""
    return int(_limit("PAR_MAX_CELLS", whole=True))


def read_seconds() -> float:
    """PAR_READ_SECONDS: the time budget for reading an uploaded file."""
    return _limit("PAR_READ_SECONDS", whole=False)


def get(name: str) -> str:
    return _BY_NAME[name].value()


def data_source() -> str:
    return get("PAR_DATA_SOURCE")


def demo_default() -> bool:
    """PAR_DEMO: whether demo data is on until a user switches it (1 / 0)."""
    text = get("PAR_DEMO").strip()
    if text not in ("0", "1"):
        raise SettingInvalid.of("err_demo_setting", text=repr(text))
    return text == "1"
