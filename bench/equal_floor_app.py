"""The like-for-like floor of bench/run.py: exactly the elements of /timeliness, drawn bare.

    BENCH_EQUAL_FLOOR=OUT.json .venv/bin/streamlit run bench/equal_floor_app.py

(from the repository root, as bench/run.py runs it, for the dashboard's .streamlit/config.toml;
OUT.json made by bench/equal_floor_data.py). The same page-wide CSS, sidebar (menu of page
links, the filters with their labels, options, order and keys, the notes), navigation (the
dashboard's page titles and paths; only /timeliness, bench/equal_floor_page.py, draws) and
page (title, both charts with their headings, footers and captions) as the dashboard drew them
for the unit chosen in the unit menu, and the same URL written back; from constants read once
per process: no data layer, no views, no cache. What the dashboard costs beyond it is its own.
"""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))  # AppTest does not add it

import equal_floor_data as floor  # noqa: E402  (after the path: bench/ is no package)

data = floor.prepared()
st.set_page_config(page_title=data["page_title"], page_icon=data["icon"], layout="wide")
unit = floor.chosen()
floor.draw(st, unit["areas"]["event"])
page = floor.navigation(data["pages"])
floor.draw(st.sidebar, unit["areas"]["sidebar"])
if st.query_params.to_dict() != unit["query"]:
    st.query_params.from_dict(unit["query"])
page.run()
