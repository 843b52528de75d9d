"""The floor of bench/run.py: a bare Streamlit page with one selectbox and one Plotly chart.

.venv/bin/streamlit run bench/floor_app.py   (run from the repository root, as bench/run.py
does, so that it gets the dashboard's .streamlit/config.toml)
"""

import plotly.graph_objects as go
import streamlit as st

OPTIONS = [f"Đơn vị {i:02d}" for i in range(1, 31)]
BARS = [f"Cột {i:02d}" for i in range(1, 31)]

choice = st.selectbox("Đơn vị", OPTIONS, key="unit")
offset = OPTIONS.index(choice)
values = [(offset * 7 + i * 13) % 50 + 50 for i in range(len(BARS))]
figure = go.Figure(go.Bar(x=BARS, y=values))
figure.update_layout(title_text=f"Hồ sơ đúng hạn: {choice}", height=420)
st.plotly_chart(figure, key="chart")
