"""Data by address: /api/v1/summary, /api/v1/<table>.csv|json|parquet, /api/v1/meta and
/embed/<chart> give the command line's numbers (the same functions, the same bytes), refuse
what they cannot answer in Vietnamese and English, and mark the demo data.

Most tests call the routes in this process through Starlette's TestClient (the routes of
ui/routes.py, which dashboard.py hands to st.App); the last one starts the dashboard the way
the README does and asks it over HTTP."""

from __future__ import annotations

import io
import json
import urllib.request
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from indicators import api
from indicators.api import tables
from indicators.cli import main
from indicators.export import TABLES, to_csv
from indicators.importing import served_version
from indicators.settings import BUNDLED_DATA
from ui import routes

SUMMARY = "/api/v1/summary?unit=019&year=2023"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(Starlette(routes=routes.ROUTES))


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch) -> None:
    monkeypatch.delenv("PAR_DATA_SOURCE", raising=False)
    monkeypatch.delenv("PAR_REFRESH_MINUTES", raising=False)


def _command(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def _exported(tmp_path: Path, fmt: str, member: str, *argv: str) -> bytes:
    out = tmp_path / f"export-{fmt}.zip"
    assert main(["export", "--format", fmt, "--out", str(out), *argv]) == 0
    with zipfile.ZipFile(out) as archive:
        return archive.read(member)


# --- the command line's numbers -----------------------------------------------------------------


def test_summary_is_the_summary_commands_json(client, capsys) -> None:
    printed = _command(capsys, "summary", "--unit", "019", "--year", "2023")
    reply = client.get(SUMMARY)
    assert reply.status_code == 200 and reply.headers["content-type"] == "application/json"
    assert reply.text == printed.rstrip("\n")  # the same text, not only the same numbers
    assert reply.json() == json.loads(printed)
    assert reply.json()["par_rank"] == 2 and reply.json()["units_ranked"] == 30
    assert reply.headers[api.DEMO_HEADER] == "0"


def test_a_unit_by_name_gives_the_same_summary(client) -> None:
    by_name = client.get("/api/v1/summary", params={"unit": "nam tu liem", "year": "2023"})
    assert by_name.json() == client.get(SUMMARY).json()


def test_par_scores_csv_is_the_exports_file(client, tmp_path) -> None:
    exported = _exported(tmp_path, "csv", "par_scores.csv", "--unit", "019")
    reply = client.get("/api/v1/par_scores.csv?unit=019")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/csv")
    assert reply.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, as export writes it
    assert reply.content == exported
    read = pd.read_csv(io.BytesIO(reply.content), encoding="utf-8-sig")
    assert set(read["Mã đơn vị"].astype(str).str.zfill(3)) == {"019"} and len(read) >= 3


def test_the_years_and_the_language_filter_as_export_does(client, tmp_path) -> None:
    argv = ("--unit", "019", "--from", "2019", "--to", "2023", "--lang", "en")
    exported = _exported(tmp_path, "csv", "par_scores.csv", *argv)
    reply = client.get("/api/v1/par_scores.csv?unit=019&from=2019&to=2023&lang=en")
    assert reply.content == exported
    assert b"Unit code" in reply.content.splitlines()[0]


def test_parquet_and_json_hold_the_same_rows(client, tmp_path) -> None:
    exported = _exported(tmp_path, "parquet", "par_scores.parquet", "--unit", "019")
    frame = pd.read_parquet(io.BytesIO(exported))
    reply = client.get("/api/v1/par_scores.parquet?unit=019")
    assert reply.status_code == 200
    pd.testing.assert_frame_equal(pd.read_parquet(io.BytesIO(reply.content)), frame)
    body = client.get("/api/v1/par_scores.json?unit=019").json()
    assert body["table"] == "par_scores" and body["unit_code"] == "019"
    assert body["columns"] == list(frame.columns) and body["rows_count"] == len(frame)
    expected = [
        {c: tables.plain(v) for c, v in zip(frame.columns, row, strict=True)}
        for row in frame.astype(object).itertuples(index=False, name=None)
    ]
    assert body["rows"] == expected
    assert [row["score"] for row in body["rows"] if row["year"] == 2023] == [95.7]


def test_every_table_answers_in_every_format(client) -> None:
    for name in TABLES:
        for fmt in tables.FORMATS:
            reply = client.get(f"/api/v1/{name}.{fmt}?unit=019&from=2023&to=2023")
            assert reply.status_code == 200, (name, fmt, reply.text)
            assert reply.headers["content-type"].startswith(tables.MEDIA_TYPES[fmt].split(";")[0])


def test_a_large_table_streams_in_chunks_that_join_to_exports_bytes(client) -> None:
    dataset = api.served.current(demo=True)[0]
    _, frame = tables.selected(dataset, "procedures", "019", None, None, "vi")
    assert len(frame) > 10
    pieces = list(tables.csv_chunks(frame, "vi", rows=4))
    assert len(pieces) > 2 and b"".join(pieces) == to_csv(frame, "vi")
    joined = json.loads(b"".join(tables.json_chunks(frame, {"table": "procedures"}, rows=4)))
    assert len(joined["rows"]) == len(frame)
    reply = client.get("/api/v1/procedures.csv?unit=019&demo=1")
    assert "content-length" not in reply.headers  # streamed (chunked), not one body
    assert reply.content == to_csv(frame, "vi")


# --- refusals -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/summary?unit=zzz&year=2023",
        "/api/v1/summary?unit=019&year=abc",
        "/api/v1/summary?unit=019&year=2023&foo=1",
        "/api/v1/summary?unit=019",
        "/api/v1/summary?unit=019&unit=020&year=2023",
        "/api/v1/summary?unit=019&year=2023&demo=yes",
        "/api/v1/par_scores.csv?unit=zzz",
        "/api/v1/par_scores.csv?from=abc",
        "/api/v1/par_scores.csv?from=2020&to=2019",
        "/api/v1/par_scores.json?lang=fr",
        "/api/v1/par_scores.json?year=2023",
        "/api/v1/nothing.csv",
        "/api/v1/meta?foo=1",
        "/embed/nothing",
        "/embed/bump?unit=zzz",
        "/embed/bump?year=1800",
        "/embed/bump?foo=1",
        "/embed/bump?lang=fr",
        "/embed/bump?index=nowhere",
        "/embed/levels?unit=019&field=nowhere",
    ],
)
def test_a_bad_request_is_refused_in_both_languages(client, path) -> None:
    reply = client.get(path)
    assert reply.status_code == 400, reply.text
    error = reply.json()["error"]
    assert error["vi"].strip() and error["en"].strip() and error["vi"] != error["en"]


def test_the_messages_say_what_is_wrong(client) -> None:
    unit = client.get("/api/v1/summary?unit=zzz&year=2023").json()["error"]
    assert "zzz" in unit["vi"] and "not found" in unit["en"]
    year = client.get("/api/v1/summary?unit=019&year=abc").json()["error"]
    assert "không phải là một năm" in year["vi"] and "is not a year" in year["en"]
    extra = client.get(SUMMARY + "&foo=1").json()["error"]
    assert "foo" in extra["vi"] and "Unsupported parameter: foo" in extra["en"]


def test_an_unknown_address_under_the_api_is_404(client) -> None:
    reply = client.get("/api/v1/no/such/thing")
    assert reply.status_code == 404
    assert "/api/v1/no/such/thing" in reply.json()["error"]["en"]


# --- demo data ------------------------------------------------------------------------------------


def test_no_demo_rows_without_demo_1(client) -> None:
    for name in ("par_scores", "procedures", "dossier_stats"):
        reply = client.get(f"/api/v1/{name}.json?unit=019")
        assert reply.headers[api.DEMO_HEADER] == "0"
        body = reply.json()
        assert body["demo"] is False and not any(row["demo"] for row in body["rows"])


def test_demo_rows_come_only_with_demo_1_and_are_marked(client, capsys) -> None:
    reply = client.get("/api/v1/procedures.json?unit=019&demo=1")
    assert reply.headers[api.DEMO_HEADER] == "1"
    body = reply.json()
    assert body["demo"] is True and body["rows"] and all(row["demo"] for row in body["rows"])
    csv = client.get("/api/v1/procedures.csv?unit=019&demo=1")
    assert csv.headers[api.DEMO_HEADER] == "1" and "Dữ liệu minh họa" in csv.text.splitlines()[0]
    printed = _command(capsys, "summary", "--unit", "019", "--year", "2024", "--demo")
    summary = client.get("/api/v1/summary?unit=019&year=2024&demo=1")
    assert summary.text == printed.rstrip("\n") and summary.json()["demo"] is True
    assert summary.headers[api.DEMO_HEADER] == "1"


# --- meta -----------------------------------------------------------------------------------------


def test_meta_lists_every_table_its_columns_and_the_sources(client) -> None:
    reply = client.get("/api/v1/meta")
    assert reply.status_code == 200
    meta = reply.json()
    assert [table["name"] for table in meta["tables"]] == list(TABLES)
    exported = client.get("/api/v1/par_scores.json?unit=019").json()["columns"]
    for table in meta["tables"]:
        assert table["formats"] == ["csv", "json", "parquet"]
        assert table["description"]["vi"] and table["description"]["en"]
        for column in table["columns"]:
            assert column["header"]["vi"] and column["header"]["en"], column
            assert column["meaning"]["vi"] and column["meaning"]["en"], column
            assert column["type"] in ("text", "int", "float", "bool", "date"), column
    par = next(table for table in meta["tables"] if table["name"] == "par_scores")
    assert [c["name"] for c in par["columns"]] == exported
    assert {c["name"]: c["type"] for c in par["columns"]}["score"] == "float"
    assert meta["data_version"] == served_version(str(BUNDLED_DATA))
    assert datetime.fromisoformat(meta["read_at"]).tzinfo is not None
    assert meta["demo"] is False and meta["sources"]
    assert {"id", "citation", "url", "publisher"} <= set(meta["sources"][0])


# --- embed ----------------------------------------------------------------------------------------


def test_embed_gives_the_chart_and_its_source_line(client) -> None:
    reply = client.get("/embed/bump?unit=019&year=2023")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/html")
    page = reply.text
    assert "Plotly.newPlot" in page and 'class="plotly-graph-div"' in page
    assert '<script src="plotly.min.js"></script>' in page and "cdn" not in page.lower()
    assert '<p class="sources">Nguồn: ' in page and "vietnamplus.vn" in page
    assert "minh họa" not in page  # no demo data, no mark
    script = client.get("/embed/plotly.min.js")
    assert script.status_code == 200 and len(script.content) > 1_000_000


def test_embed_follows_the_language_and_marks_the_demo_data(client) -> None:
    english = client.get("/embed/timeliness?unit=019&lang=en&demo=1")
    assert english.status_code == 200 and english.headers[api.DEMO_HEADER] == "1"
    assert "Demo data shown — not official figures" in english.text
    assert '<span class="demo-badge">Demo data</span>' in english.text
    assert '<p class="sources">Sources: ' in english.text


# --- the real server --------------------------------------------------------------------------------


@pytest.mark.tools
def test_the_dashboard_process_serves_the_routes(start_streamlit, capsys) -> None:
    """`streamlit run dashboard.py`, as the README starts it, answers /api/v1/summary."""
    url = start_streamlit("dashboard.py", env={"PAR_DATA_SOURCE": str(BUNDLED_DATA)})
    with urllib.request.urlopen(url + SUMMARY, timeout=120) as response:
        assert response.status == 200
        served = response.read().decode("utf-8")
    printed = _command(capsys, "summary", "--unit", "019", "--year", "2023")
    assert json.loads(served) == json.loads(printed)
    with urllib.request.urlopen(url + "/", timeout=30) as response:  # and the dashboard too
        assert response.status == 200 and b"<html" in response.read().lower()
