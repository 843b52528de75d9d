"""The dossier records engine on a real PostgreSQL: COPY in, one GROUP BY out, same as Parquet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from indicators import records
from indicators import schema as s
from indicators.build import records_generator as gen
from indicators.dataset import load_dataset
from indicators.settings import BUNDLED_DATA

pytestmark = pytest.mark.postgres

BYS = [
    (s.UNIT_CODE, s.YEAR),
    (s.UNIT_CODE, s.YEAR, s.PROCEDURE_CODE),
    (s.YEAR, s.MONTH, s.FIELD, s.CHANNEL),
    (),
]
FILTERS = [
    None,
    {"years": (2015, 2015)},
    {"years": (2025, None), "unit_codes": ["273"], "fields": ["Tư pháp", "Đất đai"]},
]


@pytest.fixture(scope="module")
def small_set(tmp_path_factory) -> Path:
    """~41 000 records reproducing dossier_stats exactly for two districts, 2015 and 2025."""
    data = load_dataset(BUNDLED_DATA, demo=True)
    folder = tmp_path_factory.mktemp("pg-dossiers")
    gen.generate_dossiers(
        folder,
        data.dossier_stats,
        data.procedures,
        exact=True,
        units=["250", "273"],
        years=[2015, 2025],
    )
    return folder


@pytest.fixture(scope="module")
def loaded(small_set, postgres_url) -> str:
    assert records.copy_dossiers_to_sql(small_set, postgres_url, chunk=10_000) == 41_411
    return postgres_url


def test_copy_creates_the_table_and_its_index(loaded):
    engine = sa.create_engine(loaded)
    try:
        inspector = sa.inspect(engine)
        columns = {c["name"]: c for c in inspector.get_columns(s.DOSSIERS.name)}
        indexes = inspector.get_indexes(s.DOSSIERS.name)
        with engine.connect() as conn:
            pending = conn.execute(
                sa.select(sa.func.count())
                .select_from(records.dossiers_table())
                .where(sa.column(s.RESOLVED_DATE).is_(None))
            ).scalar_one()
    finally:
        engine.dispose()
    assert list(columns) == [*s.DOSSIERS.names, records.SEQ]  # seq: the database numbers rows
    assert isinstance(columns[s.RECEIVED_DATE]["type"], sa.Date)
    assert columns[s.RESOLVED_DATE]["nullable"] and not columns[s.DUE_DATE]["nullable"]
    assert [i["column_names"] for i in indexes] == [[s.UNIT_CODE, s.RECEIVED_DATE]]
    assert pending > 0  # CSV nulls arrived as NULL, not as empty text
    assert records.has_dossiers(loaded)


@pytest.mark.parametrize("filters", FILTERS, ids=["all", "2015", "filtered"])
@pytest.mark.parametrize("by", BYS, ids=lambda by: "-".join(by) or "total")
def test_sql_group_by_equals_parquet(loaded, small_set, by, filters):
    sql = records.dossier_counts(loaded, by, filters)
    assert len(sql) > 0
    pd.testing.assert_frame_equal(sql, records.dossier_counts(small_set, by, filters))
    pd.testing.assert_frame_equal(
        records.aggregate_dossiers(loaded, by, filters),
        records.aggregate_dossiers(small_set, by, filters),
    )


def test_a_second_copy_replaces_the_table(loaded, small_set):
    assert records.copy_dossiers_to_sql(small_set, loaded) == 41_411
    total = records.aggregate_dossiers(loaded, by=())
    assert total[s.RECEIVED].tolist() == [41_411]
