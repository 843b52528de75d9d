"""Chỉ số cải cách hành chính Hà Nội: the entry file (frame, shared filters and router).

.venv/bin/streamlit run dashboard.py

`streamlit run` finds `app` at the end (an `st.App`), imports this file as the module
`dashboard` and serves it with uvicorn: the dashboard plus its data routes (ui/routes.py:
/api/v1/…, /embed/…). Every session's run executes this file again as `__main__`, which draws
the page; the import only builds the server, before Streamlit's runtime exists, so it imports
no module that makes a Streamlit cache (ui.data's are made by the first run).
"""

import streamlit as st

if __name__ == "__main__":  # a session's run
    from indicators import views
    from indicators.escaping import inert
    from indicators.rankings import RankingError
    from indicators.settings import SettingInvalid
    from indicators.validation import DatasetInvalid
    from ui import data, filters, nav, present, render, style


def main() -> None:
    """One run of a session: the frame, the filters and the page."""
    st.set_page_config(page_title="CCHC Hà Nội", page_icon=nav.FAVICON, layout="wide")
    style.apply()

    try:
        data.use_demo(filters.demo_wanted())  # read before the dataset: it decides which is read
        data.begin_run()
        dataset = data.dataset()
    except (DatasetInvalid, SettingInvalid) as exc:
        st.navigation(nav.pages(filters.url_lang()), position="hidden")
        data.show_invalid(exc)
        st.stop()

    menu = st.sidebar.container()  # drawn first, filled once the filters are known
    current = filters.sidebar(data.catalog(), dataset.units)
    page = st.navigation(nav.pages(current.lang), position="hidden")
    if present.active():  # ?present=1: the projector screens instead of the page
        with filters.in_frame():
            present.show()
        st.stop()
    nav.menu(menu, current)
    if data.view(views.has_figures, current.unit_code, current.years):  # else nothing to show
        present.start_button(menu, current.lang, "sidebar")
    render.demo_banner(current)
    filters.show_notices()
    data.show_read_at(st.sidebar, current.lang)
    try:
        with filters.in_frame():
            page.run()
    except RankingError as exc:
        st.error(inert(exc.text(current.lang)))


if __name__ == "__main__":
    main()
else:  # imported by `streamlit run dashboard.py`: the server, with the data routes
    from ui import routes

    app = st.App(__file__, routes=routes.ROUTES)
