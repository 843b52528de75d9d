"""Every setting in one registry: name, default and help. Read from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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
        "PAR_MAX_UPLOAD_MB",
        "20",
        "Largest spreadsheet that `validate`, `import` and the upload accept, in MB; larger "
        "files are refused before they are read.",
    ),
    Setting(
        "PAR_ADMIN_PASSWORD",
        "",
        "Password of the administrator who uploads, imports and rolls back data on the /data "
        "page. Empty (the default): upload is off. Also read from the key PAR_ADMIN_PASSWORD "
        "of .streamlit/secrets.toml (git-ignored); never commit it.",
    ),
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}


def get(name: str) -> str:
    return _BY_NAME[name].value()


def data_source() -> str:
    return get("PAR_DATA_SOURCE")
