"""Helpers for browser tests of the Streamlit app (Playwright sync API).

from support.browser import open_page, screenshot, check_page

page = open_page(browser, streamlit_server, wait_text="Chỉ số PAR")
...interact...
wait_idle(page); check_page(page)
screenshot(page, "overview")
page.context.close()
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# expect()'s default of 5 s is too short when the suite's other workers load the machine: a
# page that drew its sentence but not yet its cards failed CI once (stop 22). 20 s, still short
# of wait_idle's 30 s, so a page that never draws the element fails in the same test run.
expect.set_options(timeout=20_000)

SCREENSHOT_DIR = Path(__file__).resolve().parents[1] / "screenshots"

# Streamlit's "done" signal: the script ran and is idle (before the first run it is "initial").
IDLE_SELECTOR = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION_SELECTOR = "[data-testid='stException']"

# Console errors that say nothing about the app. Tests may pass more with ignore_console=.
DEFAULT_IGNORED_CONSOLE: tuple[str, ...] = ()


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save ``tests/screenshots/NAME.png`` (the dir is created, and git-ignored)."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def wait_idle(page: Page, *, timeout: float = 30000) -> None:
    """Wait until Streamlit reports the script as not running."""
    page.wait_for_selector(IDLE_SELECTOR, state="attached", timeout=timeout)


def choose(page: Page, label: str, option: str, *, tries: int = 4) -> None:
    """Pick `option` in the selectbox `label`, once the script is idle.

    The option's text is typed into the box first, so the list holds it whatever its length.
    A click that lands while Streamlit redraws the widget opens nothing (busy machines; CI
    failed on it once, stop 24): close what may be open, wait for idle and open it again.
    """
    item = page.get_by_role("option", name=option, exact=True)
    for attempt in range(tries):
        wait_idle(page)
        box = page.get_by_label(label, exact=True)
        box.click()
        try:
            box.fill(option, timeout=5_000)
            item.wait_for(timeout=10_000)
            item.click(timeout=5_000)
        except PlaywrightTimeout:
            if attempt == tries - 1:
                _save_failure(page, f"choose-failure-{label}-{option}")
                pytest.fail(_choose_failure(page, label, option, tries), pytrace=False)
            page.keyboard.press("Escape")
            continue
        return


def _choose_failure(page: Page, label: str, option: str, tries: int) -> str:
    """What the page showed when `choose` gave up: CI keeps the log, not the screenshot."""
    try:
        typed = page.get_by_label(label, exact=True).input_value(timeout=2_000)
        shown = page.get_by_role("option").all_inner_texts()
        state = page.locator("[data-testid='stApp']").get_attribute("data-test-script-state")
    except Exception as exc:  # the page may be gone
        return f"choose({label!r}, {option!r}): no option after {tries} tries ({exc})"
    return (
        f"choose({label!r}, {option!r}): no such option after {tries} tries; "
        f"the box holds {typed!r}, the list shows {shown[:20]!r}, the script is {state!r}"
    )


def page_problems(page: Page) -> list[str]:
    """Console errors collected so far, plus the text of every ``stException`` element."""
    problems = [f"console error: {m}" for m in getattr(page, "_par_console_errors", [])]
    for el in page.locator(EXCEPTION_SELECTOR).all():
        problems.append(f"stException: {el.inner_text().strip()}")
    return problems


def check_page(page: Page) -> None:
    """Fail the test if the page has logged console errors or shows a Streamlit exception."""
    problems = page_problems(page)
    if problems:
        pytest.fail("the page has errors:\n" + "\n".join(problems), pytrace=False)


def open_page(
    browser: Browser,
    url: str,
    *,
    wait_text: str | None = None,
    timeout: float = 30000,
    ignore_console: Iterable[str] = (),
) -> Page:
    """Open ``url`` in a new context (1400x900, vi-VN) and wait until Streamlit is done.

    Waits for the script to be idle and, when given, for ``wait_text`` to be visible; then
    fails if the console logged errors (minus those matching the ``ignore_console`` regexes)
    or the page shows an ``stException``. Returns the page; close it with
    ``page.context.close()``.
    """
    ignored = [re.compile(p) for p in (*DEFAULT_IGNORED_CONSOLE, *ignore_console)]
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page._par_console_errors = errors  # type: ignore[attr-defined]

    def on_console(msg) -> None:
        if msg.type == "error" and not any(p.search(msg.text) for p in ignored):
            errors.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    try:
        page.goto(url, timeout=timeout)
        wait_idle(page, timeout=timeout)
        if wait_text is not None:
            page.get_by_text(wait_text).first.wait_for(state="visible", timeout=timeout)
        problems = page_problems(page)
    except Exception:
        _save_failure(page, "open_page-failure")
        context.close()
        raise
    if problems:
        _save_failure(page, "open_page-failure")
        context.close()
        pytest.fail(f"{url} has errors:\n" + "\n".join(problems), pytrace=False)
    return page


def _save_failure(page: Page, name: str) -> None:
    try:
        screenshot(page, name)
    except Exception:  # the page may be gone; the original error matters more
        pass
