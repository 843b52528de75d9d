"""/timeliness of the equal floor (bench/equal_floor_app.py): the page's prepared elements."""

import equal_floor_data as floor
import streamlit as st

floor.draw(st, floor.chosen()["areas"]["main"])
