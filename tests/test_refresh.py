"""PAR_REFRESH_MINUTES: a live database's records are read again every period, so a one-stop
system's new dossiers show without an import or a restart; a bad value is refused plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators import settings
from indicators.cli import main
from indicators.importing.display import read_at_text
from indicators.settings import SettingInvalid, refresh_minutes, refresh_period
from ui import data

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"
URL = "postgresql+psycopg://reader@db.example/par"


@pytest.mark.parametrize(("text", "minutes"), [("", 0), ("0", 0), ("60", 60), ("1,5", 1.5)])
def test_refresh_minutes_reads_whole_and_decimal_minutes(monkeypatch, text, minutes) -> None:
    monkeypatch.setenv("PAR_REFRESH_MINUTES", text)
    assert refresh_minutes() == minutes


@pytest.mark.parametrize("text", ["abc", "-5", "inf", "nan", "1 giờ"])
def test_a_bad_refresh_value_names_the_setting_and_the_value(monkeypatch, text) -> None:
    monkeypatch.setenv("PAR_REFRESH_MINUTES", text)
    with pytest.raises(SettingInvalid) as caught:
        refresh_minutes()
    message = str(caught.value)
    assert "PAR_REFRESH_MINUTES" in message and repr(text) in message
    assert "phải là số phút ≥ 0" in message and "must be a number of minutes ≥ 0" in message


def test_refresh_periods_change_at_their_boundaries() -> None:
    hour = 60
    assert refresh_period(7_200.0, 0) == ""  # off: the source's own version
    assert refresh_period(7_200.0, hour) == refresh_period(10_799.9, hour) == "@2"
    assert refresh_period(10_800.0, hour) == "@3"
    assert refresh_period(89.0, 1.5) == "@0" and refresh_period(90.0, 1.5) == "@1"


def test_a_database_version_follows_the_period_and_a_folder_its_files(monkeypatch) -> None:
    """The caches are keyed on data.version: with a period of 60 minutes a database's version
    is the same within an hour and new after it; a folder's is its files' alone."""
    monkeypatch.setattr(data, "_sql_version", lambda source: "sql:7")
    clock = [3_600.0 * 5 + 10]
    monkeypatch.setattr(data.time, "time", lambda: clock[0])
    monkeypatch.setenv("PAR_REFRESH_MINUTES", "0")
    assert data.version(URL) == "sql:7"
    monkeypatch.setenv("PAR_REFRESH_MINUTES", "60")
    first = data.version(URL)
    clock[0] += 3_000  # 50 minutes later: the same period
    assert data.version(URL) == first == "sql:7@5"
    clock[0] += 600  # past the hour
    assert data.version(URL) == "sql:7@6"
    folder = str(settings.BUNDLED_DATA)
    assert data.version(folder) == data.served_version(folder)


def test_a_bad_refresh_value_shows_a_message_not_a_traceback(monkeypatch) -> None:
    monkeypatch.setenv("PAR_REFRESH_MINUTES", "hourly")
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception
    assert "PAR\\_REFRESH\\_MINUTES \\= 'hourly'" in at.error[0].value  # inert Markdown
    assert "must be a number of minutes" in at.error[0].value


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Số liệu đọc từ cơ sở dữ liệu lúc 29/11/2026 14:05:00 (giờ Việt Nam); đọc lại"),
        ("en", "Data read from the database at 29/11/2026 14:05:00 (Viet Nam time); read again"),
    ],
)
def test_the_read_time_is_shown_in_viet_nam_time(lang, expected) -> None:
    assert read_at_text("2026-11-29T07:05:00+00:00", 60, lang).startswith(expected)
    assert read_at_text("2026-11-29T07:05:00+00:00", 60, lang).endswith(("60 phút.", "60 minutes."))
    assert "1,5 phút" in read_at_text("2026-11-29T07:05:00+00:00", 1.5, "vi")


def test_a_live_database_says_when_its_figures_were_read(tmp_path, monkeypatch) -> None:
    """With PAR_REFRESH_MINUTES on a database, the sidebar says when the figures were read
    (they can change between two looks); never for a folder, nor with refreshing off."""
    url = f"sqlite:///{tmp_path / 'par.db'}"
    assert main(["import", str(settings.BUNDLED_DATA), "--into", url, "--who", "test"]) == 0

    def sidebar_text(source: str, minutes: str) -> str:
        monkeypatch.setenv("PAR_DATA_SOURCE", source)
        monkeypatch.setenv("PAR_REFRESH_MINUTES", minutes)
        at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
        assert not at.exception, [e.value for e in at.exception]
        return " ".join(c.value for c in at.sidebar.caption)

    shown = sidebar_text(url, "60")
    assert "Số liệu đọc từ cơ sở dữ liệu lúc" in shown and "đọc lại sau mỗi 60 phút" in shown
    assert "Số liệu đọc" not in sidebar_text(url, "0")
    assert "Số liệu đọc" not in sidebar_text(str(settings.BUNDLED_DATA), "60")
