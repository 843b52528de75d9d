"""The /data page's upload in headless Chromium, on a server with its own copy of data/ and
an administrator password: sign in (a wrong password first), upload a file made from the
template, import it and see its figure on the pages and in `summary`; a refused file and an
imported procedure named <script>alert(1)</script> show those characters and never run them.
Screenshots go to tests/screenshots/."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect
from support.browser import check_page, open_page, screenshot, wait_idle
from support.cli import run as run_cli
from support.importing import copy_data, filled_template, score_file

pytestmark = pytest.mark.browser

PASSWORD = "mật-khẩu-thử 2024"
SCRIPT = "<script>alert(1)</script>"
UPLOAD_INPUT = "[data-testid='stFileUploaderDropzoneInput']"
METRIC_VALUES = "[data-testid='stMetricValue']"
MENU_LINKS = "[data-testid='stSidebar'] [data-testid='stPageLink']"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# a sub-page URL opened first makes Streamlit probe /<page>/_stcore/... (404s, harmless)
PROBES = [r"status of 404"]


@pytest.fixture
def admin_server(tmp_path, start_streamlit):
    """(base URL, data folder) of a dashboard serving a fresh copy of data/, password set."""
    store = copy_data(tmp_path / "data")
    env = {"PAR_DATA_SOURCE": str(store), "PAR_ADMIN_PASSWORD": PASSWORD}
    return start_streamlit("dashboard.py", env=env), store


def watch_dialogs(page: Page) -> list[str]:
    """Every alert/confirm/prompt the page opens (dismissed); a script that ran would add one."""
    fired: list[str] = []

    def on_dialog(dialog) -> None:
        fired.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return fired


def shot(page: Page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main block, so the window is made as tall
    as that block first."""
    wait_idle(page)
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": max(900, min(int(height) + 40, 8000))})
    page.wait_for_timeout(600)
    wait_idle(page)
    screenshot(page, name)
    page.set_viewport_size({"width": 1400, "height": 900})


def sign_in(page: Page, password: str, name: str = "Chị Lan") -> None:
    page.get_by_label("Tên của bạn (ghi vào nhật ký nhập)").fill(name)
    page.get_by_label("Mật khẩu quản trị").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    wait_idle(page)


def upload(page: Page, name: str, content: bytes) -> None:
    page.locator(UPLOAD_INPUT).set_input_files(
        files=[{"name": name, "mimeType": XLSX, "buffer": content}]
    )


def open_data_page(browser, url: str, unit: str = "019") -> Page:
    page = open_page(
        browser,
        f"{url}/data?unit={unit}&year=2024",
        wait_text="Tải lên và nhập số liệu (quản trị viên)",
        ignore_console=PROBES,
    )
    return page


def test_an_administrator_imports_a_template_file_and_its_figure_shows(
    browser, admin_server
) -> None:
    url, store = admin_server
    page = open_data_page(browser, url, "004")  # Long Biên: its published 2024 row is replaced
    dialogs = watch_dialogs(page)
    try:
        sign_in(page, "không phải mật khẩu")
        expect(page.get_by_text("Sai mật khẩu.", exact=True)).to_be_visible()
        expect(page.get_by_label("Mật khẩu quản trị")).to_have_value("")  # not kept
        assert page.locator(UPLOAD_INPUT).count() == 0
        shot(page, "data-admin-wrong-password")

        sign_in(page, PASSWORD)
        expect(page.get_by_text("Đã đăng nhập: Chị Lan.")).to_be_visible()
        upload(page, "diem_2024.xlsx", score_file("97,25"))
        valid = "Tệp hợp lệ: 0 dòng mới và 1 dòng thay thế trong bảng «Điểm Chỉ số CCHC»."
        expect(page.get_by_text(re.compile(re.escape(valid)))).to_be_visible(timeout=60000)
        shot(page, "data-admin-valid-file")

        page.get_by_role("button", name="Nhập số liệu").click()
        done = "Đã nhập: 0 dòng mới và 1 dòng thay thế trong bảng «Điểm Chỉ số CCHC»."
        expect(page.get_by_text(re.compile(re.escape(done)))).to_be_visible(timeout=60000)
        wait_idle(page)
        log = page.locator("[data-testid='stDataFrame']").last
        expect(log.get_by_text("diem_2024.xlsx")).to_be_attached()
        check_page(page)
        shot(page, "data-admin-imported")

        # the same session, through the menu: the unit's profile shows the new score
        page.locator(MENU_LINKS, has_text="Trang đơn vị").click()
        page.get_by_text("Trang đơn vị: Quận Long Biên – năm 2024").wait_for()
        wait_idle(page)
        expect(page.locator(METRIC_VALUES, has_text="97,25%").first).to_be_visible()
        shot(page, "data-admin-unit-after-import")
        assert dialogs == []
    finally:
        page.context.close()

    other = open_page(  # another visitor, another session
        browser,
        f"{url}/unit?unit=004&year=2024",
        wait_text="Trang đơn vị: Quận Long Biên – năm 2024",
        ignore_console=PROBES,
    )
    try:
        expect(other.locator(METRIC_VALUES, has_text="97,25%").first).to_be_visible()
    finally:
        other.context.close()

    summary = run_cli("summary", "--unit", "004", "--year", "2024", "--source", str(store))
    assert json.loads(summary.stdout)["par_score"] == 97.25


def test_a_script_tag_in_a_file_is_shown_as_text_and_never_runs(browser, admin_server) -> None:
    url, _ = admin_server
    page = open_data_page(browser, url)
    dialogs = watch_dialogs(page)
    try:
        sign_in(page, PASSWORD, name=SCRIPT)
        expect(page.get_by_text(f"Đã đăng nhập: {SCRIPT}.")).to_be_visible()

        # refused: an unknown unit called <script>…; the report shows the characters
        bad = filled_template("par_scores", [{"unit_code": None, "unit_name": SCRIPT}])
        upload(page, "xau.xlsx", bad)
        expect(page.get_by_text("Tệp bị từ chối: 1 lỗi.", exact=False)).to_be_visible(timeout=60000)
        page.get_by_text("Báo cáo đầy đủ (tiếng Việt / tiếng Anh)").click()
        report = page.locator("[data-testid='stCode']").first
        expect(report).to_contain_text(f"'{SCRIPT}'")
        shot(page, "data-admin-refused-script")

        # imported: a procedure named <script>…, the most shortened of 2024
        row = {
            "unit_code": "019",
            "unit_name": None,
            "year": 2024,
            "procedure_code": "9.999999",
            "procedure_name": SCRIPT,
            "online_level": "toàn trình",
            "legal_days": 30,
            "committed_days": 1,
        }
        upload(page, "thu_tuc.xlsx", filled_template("procedures", [row]))
        expect(page.get_by_text(re.compile("Tệp hợp lệ: 1 dòng mới"))).to_be_visible(timeout=60000)
        page.get_by_role("button", name="Nhập số liệu").click()
        expect(page.get_by_text(re.compile("Đã nhập: 1 dòng mới"))).to_be_visible(timeout=60000)
        wait_idle(page)
        expect(
            page.locator("[data-testid='stDataFrame']").last.get_by_text(SCRIPT)
        ).to_be_attached()

        page.locator(MENU_LINKS, has_text="Rút ngắn thời gian giải quyết").click()
        page.get_by_text("Rút ngắn thời gian giải quyết: Quận Nam Từ Liêm, năm 2024").wait_for()
        wait_idle(page)
        label = page.locator(".js-plotly-plot text", has_text=SCRIPT).first
        expect(label).to_be_visible()
        assert label.text_content() == SCRIPT
        ran = page.evaluate(
            "[...document.querySelectorAll('script')].some(s => s.textContent.includes('alert(1)'))"
        )
        assert not ran
        check_page(page)
        shot(page, "shortened-after-script-import")
        assert dialogs == []
    finally:
        page.context.close()
