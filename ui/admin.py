"""The /data page's part for updating the data: templates, the administrator's sign-in,
upload (checked at once, imported on request), rollback and the import log.

Security: the password comes from PAR_ADMIN_PASSWORD (environment) or .streamlit/secrets.toml
and is compared in constant time; a session keeps only its fingerprint. Nothing uploaded is
executed (indicators.importing reads cached cell values only). Whatever comes from a file or
the log (file names, values, names) is shown with st.text, st.code or st.dataframe: as text,
never as Markdown or HTML.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.engine import make_url

from indicators import settings
from indicators.dataset import is_url
from indicators.i18n import t
from indicators.importing import (
    ImportResult,
    RollbackResult,
    access,
    display,
    import_bytes,
    import_log,
    rollback,
    template_csv,
    template_xlsx,
    validate_bytes,
)
from indicators.importing.fields import IMPORT_TABLES
from indicators.importing.limits import max_upload_bytes
from indicators.settings import data_source
from ui import data

PASSWORD = "PAR_ADMIN_PASSWORD"
TABLES = tuple(IMPORT_TABLES)  # par_scores, procedures, dossier_stats
# .xls and .ods are accepted only to be refused with advice (save as .xlsx or CSV UTF-8)
UPLOAD_TYPES = ("xlsx", "csv", "txt", "tsv", "xls", "ods")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SIGNED_IN = "_admin_fingerprint"  # what the session keeps: never the password
_WHO = "_admin_who"
_UPLOADER = "_admin_uploader"  # a new number gives an empty uploader (after an import)
_CHECKED = "_admin_checked"  # (file digest, name, table, source version) -> validation
_OUTCOME = "_admin_outcome"  # the last import or rollback, shown after its rerun
_CLIENT = "_admin_client"  # a random id of the session: the brake's key without an address


# --- templates -------------------------------------------------------------------------------


@st.cache_data(show_spinner=False)
def _template(table: str, kind: str) -> bytes:
    return template_xlsx(table) if kind == "xlsx" else template_csv(table)


def templates(lang: str) -> None:
    """Download buttons of the three templates, in Excel and CSV."""
    st.subheader(t("templates_heading", lang))
    st.caption(t("templates_intro", lang))
    for table, column in zip(TABLES, st.columns(len(TABLES)), strict=True):
        column.markdown(f"**{t(f'import_table_{table}', lang)}**")
        column.download_button(
            t("template_xlsx", lang),
            data=_template(table, "xlsx"),
            file_name=f"mau-{table}.xlsx",
            mime=XLSX_MIME,
            key=f"template-{table}-xlsx",
            on_click="ignore",
            icon=":material/download:",
        )
        column.download_button(
            t("template_csv", lang),
            data=_template(table, "csv"),
            file_name=f"mau-{table}.csv",
            mime="text/csv",
            key=f"template-{table}-csv",
            on_click="ignore",
            icon=":material/download:",
        )


# --- sign-in ---------------------------------------------------------------------------------


def admin_password() -> str:
    """PAR_ADMIN_PASSWORD from the environment, else from .streamlit/secrets.toml; '' if none."""
    password = settings.get(PASSWORD)
    if password:
        return password
    try:
        if st.secrets.load_if_toml_exists():
            value = st.secrets.get(PASSWORD)
            return value if isinstance(value, str) else ""
    except Exception:  # an unreadable secrets file means no password: upload stays off
        return ""
    return ""


@st.cache_resource(show_spinner=False)
def _throttle() -> access.Throttle:
    """The brake on wrong passwords of the server process, counted per client."""
    return access.Throttle()


def _client() -> str:
    """This visitor, for the brake: their address (through the bundled nginx too), else the
    session (on localhost)."""
    session = st.session_state.setdefault(_CLIENT, uuid.uuid4().hex)
    forwarded = st.context.headers.get("X-Forwarded-For")
    return access.client_key(st.context.ip_address, forwarded, session)


def _sign_in(lang: str, password: str) -> None:
    with st.form("admin-sign-in", clear_on_submit=True):
        name = st.text_input(t("admin_name", lang), max_chars=access.MAX_WHO, key="admin_name")
        given = st.text_input(t("admin_password", lang), type="password", key="admin_password")
        submitted = st.form_submit_button(t("sign_in", lang), icon=":material/login:")
    if not submitted:
        return
    client = _client()
    wait = _throttle().wait(client)
    if wait:
        st.error(t("sign_in_wait", lang, seconds=wait), icon=":material/timer:")
    elif access.password_matches(given, password):
        st.session_state[_SIGNED_IN] = access.fingerprint(password)
        st.session_state[_WHO] = access.clean_who(name)
        st.rerun()
    else:
        _throttle().failed(client)
        st.error(t("wrong_password", lang), icon=":material/lock:")


def _shown_source(source: str) -> str:
    """The data source without a password (a database URL may hold one)."""
    if not is_url(source):
        return source
    try:
        return make_url(source).render_as_string(hide_password=True)
    except Exception:
        return source.split("://", 1)[0] + "://…"


# --- upload, import, rollback ----------------------------------------------------------------


def panel(lang: str) -> None:
    """Upload and rollback for a signed-in administrator; otherwise the sign-in form, or how
    to turn upload on when no password is configured."""
    st.subheader(t("upload_heading", lang))
    password = admin_password()
    if not password:
        st.info(t("upload_off", lang), icon=":material/lock:")
        return
    if not access.still_signed_in(st.session_state.get(_SIGNED_IN), password):
        _sign_in(lang, password)
        return
    source = data_source()
    who = st.session_state.get(_WHO) or access.DEFAULT_WHO
    st.text(t("signed_in_as", lang, who=who, source=_shown_source(source)))
    if st.button(t("sign_out", lang), icon=":material/logout:", key="admin-sign-out"):
        st.session_state.pop(_SIGNED_IN, None)
        st.rerun()
    _show_outcome(lang)
    _upload(lang, source, who)
    _rollback(lang, source, who)


def _table_label(lang: str) -> Callable[[str], str]:
    return lambda table: t(f"import_table_{table}", lang) if table else t("upload_table_auto", lang)


def _upload(lang: str, source: str, who: str) -> None:
    table = st.selectbox(
        t("upload_table", lang), ("", *TABLES), format_func=_table_label(lang), key="upload_table"
    )
    limit = max_upload_bytes()
    number = st.session_state.get(_UPLOADER, 0)
    upload = st.file_uploader(
        t("upload_file", lang, mb=f"{limit / 1024 / 1024:g}"),
        type=UPLOAD_TYPES,
        key=f"upload-{number}",
        help=t("upload_help", lang),
        max_upload_size=max(1, -(-limit // (1024 * 1024))),
    )
    if upload is None:
        return
    content = upload.getvalue()
    checked = _validated(content, upload.name, table or None, source, lang)
    if not checked.ok:
        _failures(checked, t("file_refused", lang, n=len(checked.failures)), lang)
        return
    label = t(f"import_table_{checked.table}", lang)
    st.success(
        t("file_valid", lang, added=checked.added, replaced=checked.replaced, table=label),
        icon=":material/check_circle:",
    )
    _report(checked.report(), lang)
    if st.button(t("import_button", lang), type="primary", icon=":material/upload:", key="import"):
        with st.spinner(t("importing_file", lang)):
            done = import_bytes(content, upload.name, into=source, who=who, table=table or None)
        if done.ok:
            data.refresh()
            st.session_state[_UPLOADER] = number + 1  # the uploader is emptied
        st.session_state[_OUTCOME] = done
        st.rerun()


def _validated(
    content: bytes, name: str, table: str | None, source: str, lang: str
) -> ImportResult:
    """The check of this file against the data served now (kept while both are unchanged)."""
    key = (hashlib.sha256(content).hexdigest(), name, table, source, data.version(source))
    kept = st.session_state.get(_CHECKED)
    if kept is None or kept[0] != key:
        with st.spinner(t("checking_file", lang)):
            kept = (key, validate_bytes(content, name, source, table))
        st.session_state[_CHECKED] = kept
    return kept[1]


def _rollback(lang: str, source: str, who: str) -> None:
    with st.expander(t("rollback_heading", lang), icon=":material/undo:"):
        st.caption(t("rollback_help", lang))
        served = data.version(source)  # a new version gives a new, unticked box
        confirmed = st.checkbox(t("rollback_confirm", lang), key=f"rollback-confirm-{served}")
        if st.button(
            t("rollback_button", lang),
            disabled=not confirmed,
            icon=":material/undo:",
            key="rollback",
        ):
            done = rollback(source, who)
            if done.ok:
                data.refresh()
            st.session_state[_OUTCOME] = done
            st.rerun()


def _show_outcome(lang: str) -> None:
    """The result of the import or rollback just done (once, after its rerun)."""
    done = st.session_state.pop(_OUTCOME, None)
    if isinstance(done, RollbackResult):
        if done.ok:
            st.success(t("rolled_back", lang), icon=":material/undo:")
            _report(done.report(), lang)
        else:
            _failures(done, t("rollback_failed", lang), lang)
    elif isinstance(done, ImportResult):
        if done.ok:
            label = t(f"import_table_{done.table}", lang)
            text = t("imported", lang, added=done.added, replaced=done.replaced, table=label)
            st.success(text, icon=":material/task_alt:")
            _report(done.report(), lang)
        else:
            _failures(done, t("import_failed", lang, n=len(done.failures)), lang)


def _failures(result: ImportResult | RollbackResult, head: str, lang: str) -> None:
    """What is wrong, row by row (table, row, column, value, rule, vi, en), and the report."""
    st.error(head, icon=":material/error:")
    rows = display.failure_rows(result.failures)
    labels = {c: t(f"failure_col_{c}", lang) for c in display.FAILURE_COLUMNS}
    st.dataframe(rows.rename(columns=labels), hide_index=True)
    _report(result.report(), lang)


def _report(text: str, lang: str) -> None:
    """The command line's bilingual report, as literal text (copyable)."""
    with st.expander(t("full_report", lang), icon=":material/description:"):
        st.code(text, language=None, wrap_lines=True)


# --- the log ---------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=8)
def _log(source: str, served: str) -> pd.DataFrame:
    return display.log_rows(import_log(source))


def log(lang: str) -> None:
    """Every import and rollback of the data source: when, who, what, file and rows."""
    st.subheader(t("log_heading", lang))
    source = data_source()
    rows = _log(source, data.version(source))
    if rows.empty:
        st.caption(t("log_empty", lang))
        return
    actions = {a: t(f"log_action_{a}", lang) for a in ("import", "rollback")}
    tables = {name: t(f"import_table_{name}", lang) for name in TABLES}
    shown = rows.assign(
        action=rows["action"].map(lambda a: actions.get(a, a)),
        table_name=rows["table_name"].map(lambda n: tables.get(n, n)),
    )
    labels = {c: t(f"log_col_{c}", lang) for c in display.LOG_SHOWN}
    st.dataframe(shown.rename(columns=labels), hide_index=True, key="import-log")
