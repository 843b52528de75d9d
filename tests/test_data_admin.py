"""The /data page's update section under AppTest: templates, upload off without a password,
sign-in (environment or secrets.toml), a good file validated then imported and shown on the
pages, a refused file with its report (a script tag stays text), rollback and the log."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from support.apptest import open_app, texts
from support.cli import run as run_cli
from support.importing import (
    BAD_FILES,
    copy_data,
    filled_template,
    score_file,
    served_hashes,
)

from indicators.importing import import_bytes
from indicators.importing.access import Throttle
from ui import admin

DATA_PAGE = "pages/data.py"
PASSWORD = "mật-khẩu-thử"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(autouse=True)
def served_like_a_real_server(monkeypatch):
    """A real server leaves Streamlit's legacy pages/ mode once dashboard.py has called
    st.navigation; AppTest re-enters it on every run, so a sub-page first runs alone and
    hands over to dashboard.py with a rerun (ui.filters), which drops a button's click.
    Keep the mode off after each run's PagesManager is made, as on a real server."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    yield
    PagesManager.uses_pages_directory = None


def _serve(folder, monkeypatch):
    monkeypatch.setenv("PAR_DATA_SOURCE", str(folder))
    monkeypatch.delenv("PAR_ADMIN_PASSWORD", raising=False)
    admin._throttle.clear()
    return folder


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A copy of the bundled data served by the app, for a test that imports or rolls back;
    no password unless a test sets one."""
    return _serve(copy_data(tmp_path / "data"), monkeypatch)


@pytest.fixture(scope="module")
def _unchanged_copy(tmp_path_factory):
    return copy_data(tmp_path_factory.mktemp("unchanged") / "data")


@pytest.fixture
def read_only_store(_unchanged_copy, monkeypatch):
    """One copy of the bundled data for the tests that change nothing (sign-in, templates, a
    refused file): its dataset is loaded once for them all. Each checks it is unchanged."""
    before = served_hashes(_unchanged_copy)
    yield _serve(_unchanged_copy, monkeypatch)
    assert served_hashes(_unchanged_copy) == before, "a read-only test changed the data"


def open_data(lang: str = "vi", secrets: dict | None = None, **params: str) -> AppTest:
    url = {"unit": "004", "year": "2024", "lang": lang, **params}
    return open_app(DATA_PAGE, secrets=secrets, timeout=120, **url)


def sign_in(at: AppTest, password: str = PASSWORD, name: str = "Chị Lan") -> AppTest:
    at.text_input(key="admin_name").input(name)
    at.text_input(key="admin_password").input(password)
    next(b for b in at.button if b.label in ("Đăng nhập", "Sign in")).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def uploaders(at: AppTest) -> list:
    return list(at.get("file_uploader"))


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    uploaders(at)[0].upload(name, content)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame_with(at: AppTest, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def code_blocks(at: AppTest) -> str:
    return "\n".join(str(c.value) for c in at.code)


def test_templates_are_offered_for_the_four_tables(read_only_store) -> None:
    at = open_data()
    names = [b.proto.label for b in at.get("download_button")]
    assert names.count("Mẫu Excel (.xlsx)") == 4 and names.count("Mẫu CSV") == 4
    heads = [m.value for m in at.markdown]
    for label in ("Điểm Chỉ số CCHC", "Thủ tục hành chính", "Số liệu hồ sơ", "Mục tiêu"):
        assert f"**{label}**" in heads


def test_upload_is_off_without_a_password_and_shows_no_server_set_up(read_only_store) -> None:
    """A visitor reads that upload is off and whom to ask; the server's set-up (setting
    names, secrets file, commands) is the administrator's, in the README."""
    at = open_data()
    info = "\n".join(str(i.value) for i in at.info)
    assert "Chức năng tải lên trên trang này đang tắt" in info and "quản trị" in info
    assert "PAR_ADMIN_PASSWORD" not in info and "secrets.toml" not in info
    assert "python -m" not in info
    assert not uploaders(at) and not any(i.key == "admin_password" for i in at.text_input)
    en = open_data("en")
    assert "Upload on this page is off" in "\n".join(str(i.value) for i in en.info)


def test_a_wrong_password_is_refused(read_only_store, monkeypatch) -> None:
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", PASSWORD)
    at = sign_in(open_data(), password="mat-khau-sai")
    assert [e.value for e in at.error] == ["Sai mật khẩu."]
    assert not uploaders(at)
    at = sign_in(at, password=PASSWORD + " ")
    assert not uploaders(at)


def test_too_many_wrong_passwords_make_that_visitor_wait_not_another(
    read_only_store, monkeypatch
) -> None:
    """On localhost (no address) each session is a visitor of its own."""
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", PASSWORD)
    admin._throttle.clear()
    brake = admin._throttle()
    assert isinstance(brake, Throttle)
    for _ in range(brake.limit):
        brake.failed("session:guesser")
    guesser, administrator = open_data(), open_data()
    guesser.session_state["_admin_client"] = "guesser"
    at = sign_in(guesser, password=PASSWORD)  # even the right one waits
    assert "hãy thử lại sau" in "\n".join(e.value for e in at.error)
    assert not uploaders(at)
    assert len(uploaders(sign_in(administrator, password=PASSWORD))) == 1
    admin._throttle.clear()


def test_the_password_may_come_from_secrets_toml(read_only_store) -> None:
    at = sign_in(open_data(secrets={"PAR_ADMIN_PASSWORD": PASSWORD}))
    assert len(uploaders(at)) == 1


def test_a_good_file_is_checked_imported_shown_and_logged(store, monkeypatch) -> None:
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", PASSWORD)
    at = sign_in(open_data())
    assert "Đã đăng nhập: Chị Lan" in "\n".join(x.value for x in at.text)
    before = served_hashes(store)
    at = upload(at, "diem_2024.xlsx", score_file("97,25"))
    assert any("Tệp hợp lệ: 0 dòng mới và 1 dòng thay thế" in s.value for s in at.success)
    assert served_hashes(store) == before  # checked only: nothing written yet
    button(at, "Nhập số liệu").click()
    at.run()
    assert not at.exception
    assert any(s.value.startswith("Đã nhập: 0 dòng mới và 1 dòng thay thế") for s in at.success)
    assert served_hashes(store) != before
    assert not uploaders(at)[0].value  # emptied for the next file
    log = frame_with(at, "Người thực hiện")
    assert log.iloc[0][["Người thực hiện", "Thao tác", "Tệp", "Bảng"]].tolist() == [
        "Chị Lan",
        "nhập",
        "diem_2024.xlsx",
        "Điểm Chỉ số CCHC",
    ]
    assert log.iloc[0]["Dòng thay thế"] == 1
    # every page of the running app shows the new figure, and so does `summary`
    at.switch_page("pages/unit.py").run()
    assert "97,25%" in texts(at)
    summary = run_cli("summary", "--unit", "004", "--year", "2024", "--source", str(store))
    assert json.loads(summary.stdout)["par_score"] == 97.25


def test_another_session_sees_an_import_made_elsewhere(store) -> None:
    at = open_data()
    at.switch_page("pages/unit.py").run()
    assert "97,25%" not in texts(at)
    assert import_bytes(score_file("97,25"), "cli.xlsx", str(store), "cli").ok  # e.g. the CLI
    at.run()
    assert "97,25%" in texts(at)


def test_a_refused_file_shows_its_problems_as_text_and_changes_nothing(
    read_only_store, monkeypatch
) -> None:
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", PASSWORD)
    at = sign_in(open_data())
    before = served_hashes(read_only_store)
    row = {"unit_code": None, "unit_name": SCRIPT, "year": 2024, "score": 96}
    at = upload(at, "xau.xlsx", filled_template("par_scores", [row]))
    assert [e.value for e in at.error] == [
        "Tệp bị từ chối: 1 lỗi. Không có gì được ghi; hãy sửa tệp theo bảng dưới đây rồi "
        "tải lên lại."
    ]
    problems = frame_with(at, "Giá trị")
    assert problems.iloc[0][["Bảng / tệp", "Dòng", "Cột", "Giá trị"]].tolist() == [
        "xau.xlsx",
        2,
        "Tên đơn vị (unit_name)",
        SCRIPT,
    ]
    assert "không tìm thấy đơn vị" in problems.iloc[0]["Lỗi (tiếng Việt)"]
    assert "not found" in problems.iloc[0]["Lỗi (tiếng Anh)"]
    report = code_blocks(at)
    assert "bị từ chối" in report and "refused" in report and SCRIPT in report
    assert not any(b.label == "Nhập số liệu" for b in at.button)
    assert served_hashes(read_only_store) == before


def test_a_file_that_is_not_a_spreadsheet_is_refused_with_advice(
    read_only_store, monkeypatch
) -> None:
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", PASSWORD)
    content = (BAD_FILES / "excel_97.xls").read_bytes()
    at = upload(sign_in(open_data("en")), "bao_cao.xls", content)
    assert at.error[0].value.startswith("The file is refused: 1 problem(s).")
    assert "Excel 97-2003" in code_blocks(at)


def test_rollback_serves_the_previous_version_again_and_is_logged(store, monkeypatch) -> None:
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", PASSWORD)
    original = served_hashes(store)
    assert import_bytes(score_file(96), "a.xlsx", str(store), "Minh").ok
    at = sign_in(open_data())
    assert button(at, "Quay lại").disabled  # not before the box is ticked
    next(c for c in at.checkbox if c.label.startswith("Tôi muốn quay lại")).check()
    at.run()
    button(at, "Quay lại").click()
    at.run()
    assert not at.exception
    assert any(s.value.startswith("Đã quay lại phiên bản trước") for s in at.success)
    assert served_hashes(store) == original
    log = frame_with(at, "Thao tác")
    assert log["Thao tác"].tolist() == ["quay lại", "nhập"]
    assert log["Người thực hiện"].tolist() == ["Chị Lan", "Minh"]
    # nothing left to undo: said, not crashed
    next(c for c in at.checkbox if c.label.startswith("Tôi muốn quay lại")).check()
    at.run()
    button(at, "Quay lại").click()
    at.run()
    assert [e.value for e in at.error] == ["Không quay lại được."]
    assert "không có phiên bản trước" in code_blocks(at)


def test_the_log_is_shown_to_every_visitor(store) -> None:
    assert import_bytes(score_file(96), "diem.xlsx", str(store), "Minh").ok
    at = open_data("en")
    log = frame_with(at, "Who")
    assert log.iloc[0][["Who", "Action", "File", "Rows replaced"]].tolist() == [
        "Minh",
        "import",
        "diem.xlsx",
        1,
    ]
    assert "No import into this data source yet." not in texts(at)


def test_a_new_store_says_its_log_is_empty(read_only_store) -> None:
    assert "Chưa có lần nhập nào vào nguồn dữ liệu này." in texts(open_data())


def test_signing_out_and_a_changed_password_end_the_session(read_only_store, monkeypatch) -> None:
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", PASSWORD)
    at = sign_in(open_data())
    assert uploaders(at)
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", "another one")
    at.run()
    assert not uploaders(at)
    monkeypatch.setenv("PAR_ADMIN_PASSWORD", PASSWORD)
    at = sign_in(at)
    button(at, "Đăng xuất").click()
    at.run()
    assert not uploaders(at)


def test_the_template_downloads_are_the_importing_templates(read_only_store) -> None:
    book = openpyxl.load_workbook(io.BytesIO(admin._template("procedures", "xlsx")))
    assert book.sheetnames == ["Dữ liệu", "Hướng dẫn"]
    assert admin._template("dossier_stats", "csv").startswith(b"\xef\xbb\xbf")
