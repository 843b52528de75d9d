"""Every setting is documented where operators look: the README's configuration table."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from support.apptest import open_app

from indicators import cli
from indicators.escaping import JOINER as J
from indicators.settings import PROJECT_ROOT, SETTINGS, SettingInvalid, max_upload_mb


def test_every_setting_has_a_row_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text("utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip(" `") for line in table.splitlines() if line.startswith("| `")}
    assert rows == {setting.name for setting in SETTINGS}


# --- PAR_MAX_UPLOAD_MB: a message naming the setting and the value, never a traceback ---------

BAD_UPLOAD_LIMITS = ("inf", "nan", "-1", "abc", "0", "1e400", "2000000")


@pytest.mark.parametrize(("text", "mb"), [("20", 20.0), ("0,5", 0.5), (" 2.5 ", 2.5)])
def test_the_upload_limit_reads_megabytes(monkeypatch, text: str, mb: float) -> None:
    monkeypatch.setenv("PAR_MAX_UPLOAD_MB", text)
    assert max_upload_mb() == mb


@pytest.mark.parametrize("text", BAD_UPLOAD_LIMITS)
def test_a_bad_upload_limit_is_named_with_its_value(monkeypatch, text: str) -> None:
    monkeypatch.setenv("PAR_MAX_UPLOAD_MB", text)
    with pytest.raises(SettingInvalid) as caught:
        max_upload_mb()
    assert caught.value.vi.startswith(f"Cấu hình PAR_MAX_UPLOAD_MB = '{text}': phải là số")
    assert caught.value.en.startswith(f"setting PAR_MAX_UPLOAD_MB = '{text}': must be a number")


@pytest.mark.parametrize("command", ["validate", "import"])
@pytest.mark.parametrize("text", ["inf", "nan", "-1", "abc"])
def test_the_command_line_reports_a_bad_upload_limit(monkeypatch, capsys, command, text) -> None:
    monkeypatch.setenv("PAR_MAX_UPLOAD_MB", text)
    assert cli.main([command, str(PROJECT_ROOT / "README.md")]) == 2
    err = capsys.readouterr().err
    assert f"Cấu hình PAR_MAX_UPLOAD_MB = '{text}'" in err
    assert f"setting PAR_MAX_UPLOAD_MB = '{text}'" in err


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_data_page_reports_a_bad_upload_limit(monkeypatch, lang: str) -> None:
    monkeypatch.setenv("PAR_MAX_UPLOAD_MB", "inf")
    at = open_app("pages/data.py", lang=lang)
    errors = [e.value for e in at.error]
    head = {"vi": "Cấu hình PAR\\_MAX\\_UPLOAD\\_MB \\= 'inf'", "en": "setting PAR\\_MAX"}[lang]
    assert len(errors) == 1 and errors[0].startswith(head), errors
    assert not at.exception


def test_a_setting_written_as_a_link_shows_as_text(monkeypatch) -> None:
    monkeypatch.setenv("PAR_DEMO", "[x](https://example.org)")
    at = AppTest.from_file(PROJECT_ROOT / "dashboard.py", default_timeout=60).run()
    assert not at.exception
    assert at.error[0].value.startswith(
        rf"**Cấu hình PAR\_DEMO \= '\[x\]\(https\:{J}//example\.org\)'\:{J} phải là 1"
    )
