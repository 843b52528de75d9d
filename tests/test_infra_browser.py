"""Smoke test of the `start_streamlit` and `browser` fixtures on a tiny throwaway app."""

from pathlib import Path

import pytest
from support.browser import open_page, screenshot

pytestmark = pytest.mark.browser

APP = 'import streamlit as st\n\nst.title("Xin chào 98,67%")\n'


def test_tiny_app_renders(tmp_path: Path, start_streamlit, browser) -> None:
    script = tmp_path / "tiny_app.py"
    script.write_text(APP, "utf-8")
    url = start_streamlit(script)

    page = open_page(browser, url, wait_text="Xin chào 98,67%")
    try:
        heading = page.get_by_role("heading", name="Xin chào 98,67%")
        assert heading.is_visible()
        path = screenshot(page, "infra_tiny_app")
        assert path.stat().st_size > 0
    finally:
        page.context.close()
