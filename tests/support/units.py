"""Small shared test data and helpers: a few real units; a database loaded from a folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from indicators.cli import main
from support.frames import units


def units_frame() -> pd.DataFrame:
    return units(
        [
            {"code": "271", "name_vi": "Huyện Ba Vì", "level": "district", "kind": "huyện",
             "valid_from": "2008-08-01", "valid_to": "2025-06-30", "parent_code": "01"},
            {"code": "09700", "name_vi": "Xã Ba Vì", "level": "commune", "kind": "xã",
             "valid_from": "2025-07-01", "parent_code": "01"},
            {"code": "019", "name_vi": "Quận Nam Từ Liêm", "level": "district",
             "valid_from": "2013-12-27", "valid_to": "2025-06-30", "parent_code": "01"},
        ]
    )  # fmt: skip


def loaded_database(postgres_url: str, name: str, folder: Path) -> str:
    """A new database `name` on the test server, loaded from `folder` with the command line's
    `import FOLDER --into URL` (tables and dossier records)."""
    url = sa.make_url(postgres_url)
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    target = url.set(database=name).render_as_string(hide_password=False)
    assert main(["import", str(folder), "--into", target, "--who", "test"]) == 0
    return target
