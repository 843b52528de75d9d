"""PAR (cải cách hành chính) indicators: dataset, validation and indicator families.

No Streamlit here: everything is a pure function of DataFrames, usable from the CLI and tests.
"""
