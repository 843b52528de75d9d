"""Streamlit-side helpers shared by the pages: cached data, sidebar filters, chart footers."""
