"""Smoke test of the `postgres_url` fixture: a real round trip of Vietnamese text."""

import pytest
import sqlalchemy as sa

pytestmark = pytest.mark.postgres


def test_roundtrip_vietnamese_text(postgres_url: str) -> None:
    engine = sa.create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE infra_units (id serial PRIMARY KEY, name text)"))
            conn.execute(
                sa.text("INSERT INTO infra_units (name) VALUES (:name)"), {"name": "Nam Từ Liêm"}
            )
        with engine.connect() as conn:
            name = conn.execute(sa.text("SELECT name FROM infra_units")).scalar_one()
            encoding = conn.execute(sa.text("SHOW server_encoding")).scalar_one()
        assert name == "Nam Từ Liêm"
        assert encoding == "UTF8"
    finally:
        engine.dispose()
