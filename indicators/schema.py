"""One definition per table of the dataset: column names, types, allowed values, keys, rules.

Column names are module constants so that a typo is an import error, not an empty chart.
`indicators.validation` checks a frame against these definitions; nothing here reads files.
How a table is described (Column, RowRule, Table) is in `table_spec`, the dates of the 2025
reorganisation and of the Decree 42/2022 switch in `domain`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from indicators.domain import FIRST_YEAR_OF_FORMS, LAST_YEAR_OF_LEVELS
from indicators.domain import method_changes as method_changes  # used as s.method_changes
from indicators.table_spec import BOOL, DATE, FLOAT, INT, TEXT, Column, RowRule, Table, greater
from indicators.table_spec import PANDAS_DTYPE as PANDAS_DTYPE
from indicators.table_spec import empty_frame as empty_frame
from indicators.targets_table import TARGETS

# --- column names shared by several tables -------------------------------------------------
UNIT_CODE = "unit_code"
YEAR = "year"
SOURCE_ID = "source_id"  # one id of `sources`, or several joined by SOURCE_SEPARATOR
SOURCE_SEPARATOR = ";"
DEMO = "demo"  # True when the demo generator wrote the row (see data/SOURCES.md)
NOTE = "note"


def source_id_list(value: object) -> list[str]:
    """The source ids a `source_id` cell names: a figure whose rank and score were published
    in two places cites both ("kinhtedothi-1a2b3c;tinbong247news-4d5e6f")."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(SOURCE_SEPARATOR) if part.strip()]


def join_source_ids(values: Iterable[object]) -> str:
    """One `source_id` cell naming every id of `values` once, in order."""
    ids = [i for v in values for i in source_id_list(v)]
    return SOURCE_SEPARATOR.join(dict.fromkeys(ids))


# --- units ----------------------------------------------------------------------------------
CODE = "code"
NAME_VI = "name_vi"
NAME_ASCII = "name_ascii"
LEVEL = "level"
KIND = "kind"
PARENT_CODE = "parent_code"
VALID_FROM = "valid_from"
VALID_TO = "valid_to"

LEVELS = ("province", "district", "commune")
KINDS = ("tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "đặc khu", "thị trấn")
CODE_LENGTH = {"province": 2, "district": 3, "commune": 5}

# --- unit_successions -----------------------------------------------------------------------
OLD_CODE = "old_code"
NEW_CODE = "new_code"
RELATION = "relation"
EFFECTIVE = "effective"
RELATIONS = ("whole", "part")

# --- sources --------------------------------------------------------------------------------
ID = "id"
TITLE = "title"
PUBLISHER = "publisher"
URL = "url"
PUBLISHED = "published"
SOURCE_KIND = "kind"
EXCERPT = "excerpt"
YEARS = "years"  # the years of the figures a source reports, as text ("2019–2021")
REPRINT = "reprint"  # True when the only copy found is a reprint (mirror, aggregator)
SOURCE_KINDS = ("published", "article", "demo")

# --- par_scores -----------------------------------------------------------------------------
INDEX_ID = "index_id"
COMPONENT = "component"
SCORE = "score"
MAX_SCORE = "max_score"
RANK_PUBLISHED = "rank_published"
RANK_BASIS = "rank_basis"
TOTAL = "total"  # the component value of a total score
INDEX_HANOI = "hanoi_par"  # Hanoi's PAR index of its district-level units
INDEX_NATIONAL = "national_par"  # the Ministry of Home Affairs' PAR INDEX of provinces

# Decision 766/QĐ-TTg's index of serving citizens and businesses (National Public Service
# Portal): recomputed continuously, so its values are snapshots (table `figures`, never
# par_scores), and never ranked together with the two PAR indexes.
INDEX_766 = "service_766"
# The indexes, the level of the units each ranks, and the 2025 reorganisation.
INDEXES = (INDEX_HANOI, INDEX_NATIONAL, INDEX_766)
INDEX_LEVEL = {INDEX_HANOI: "district", INDEX_NATIONAL: "province", INDEX_766: "province"}
INDEX_OF_LEVEL = {"district": INDEX_HANOI, "province": INDEX_NATIONAL}  # a unit's default
HANOI_CODE = "01"
# The level of the units that replaced each index's units on 1 July 2025 (domain.REORG_DATE).
NEW_LEVEL = {INDEX_HANOI: "commune", INDEX_NATIONAL: "province", INDEX_766: "province"}


# --- procedures -----------------------------------------------------------------------------
PROCEDURE_CODE = "procedure_code"
PROCEDURE_NAME = "procedure_name"
FIELD = "field"
ONLINE_LEVEL = "online_level"
LEGAL_DAYS = "legal_days"
COMMITTED_DAYS = "committed_days"
ONE_STOP = "one_stop"
# Levels 1-4 (Decree 43/2011, used until 2022) and the forms of Decree 42/2022.
LEVELS_OLD = ("1", "2", "3", "4")
FORMS_NEW = ("full", "partial", "none")  # toàn trình / một phần / chỉ cung cấp thông tin
ONLINE_LEVELS = LEVELS_OLD + FORMS_NEW
ONLINE_CAPABLE = ("3", "4", "full", "partial")  # the levels and forms a dossier is filed online

# --- dossier_stats --------------------------------------------------------------------------
MONTH = "month"
RECEIVED = "received"
ONLINE = "submitted_online"
ON_TIME = "resolved_on_time"  # includes the early ones
EARLY = "resolved_early"  # a part of resolved_on_time
LATE = "resolved_late"
PENDING = "pending"
COUNT_COLUMNS = (RECEIVED, ONLINE, ON_TIME, EARLY, LATE, PENDING)

# --- figures: published figures that are not rows of the tables above -------------------
# An article's "161 procedures at level 3", a city's on-time rate of a quarter, a district's
# online-application rate of March 2025, a province's Decision 766 score on a snapshot date.
PERIOD = "period"  # as published: "2019", "2019-Q2", "2025-03", "2025-08-29"
INDICATOR = "indicator"
VALUE = "value"
COMPARATOR = "comparator"  # "=" or, for "more than 20%", ">"
MAX_VALUE = "max_value"  # the maximum of a score in points (18 for a 766 group)
RANK = "rank"
UNITS_RANKED = "units_ranked"
COMPARATORS = ("=", ">", ">=", "<", "<=")

# --- dossiers (optional: one row per dossier, as a one-stop system holds them) --------------
DOSSIER_ID = "dossier_id"
CHANNEL = "channel"
RECEIVED_DATE = "received_date"
DUE_DATE = "due_date"  # the date the dossier must be resolved by (hẹn trả)
RESOLVED_DATE = "resolved_date"  # null unless resolved
STATUS = "status"
CHANNEL_ONLINE, CHANNEL_IN_PERSON, CHANNEL_POST = "online", "in_person", "post"
CHANNELS = (CHANNEL_ONLINE, CHANNEL_IN_PERSON, CHANNEL_POST)
# resolved: result returned (resolved_date set); pending: still being processed; withdrawn:
# returned to the applicant or withdrawn unresolved. All three count as received.
STATUS_RESOLVED, STATUS_PENDING, STATUS_WITHDRAWN = "resolved", "pending", "withdrawn"
STATUSES = (STATUS_RESOLVED, STATUS_PENDING, STATUS_WITHDRAWN)


def _year(nullable: bool = False) -> Column:
    return Column(YEAR, INT, nullable, minimum=1990, maximum=2100, help_en="calendar year")


def _source() -> tuple[Column, Column]:
    return (
        Column(SOURCE_ID, TEXT, help_en="id of a row in sources"),
        Column(DEMO, BOOL, help_en="generated by the demo generator"),
    )


def _count(name: str, nullable: bool = True) -> Column:
    return Column(name, INT, nullable, minimum=0)


def _overlapping_versions(df: pd.DataFrame) -> pd.Series:
    """Rows whose code has another version valid on an overlapping period."""
    ordered = df.sort_values([CODE, VALID_FROM])
    previous_end = ordered.groupby(CODE)[VALID_TO].shift()
    same_code = ordered[CODE].eq(ordered.groupby(CODE)[CODE].shift())
    open_before = same_code & previous_end.isna()
    overlap = same_code & (open_before | (ordered[VALID_FROM] <= previous_end))
    return overlap.reindex(df.index).fillna(False)


UNITS = Table(
    "units",
    (
        Column(CODE, TEXT, pattern=r"\d{2}|\d{3}|\d{5}", help_en="official GSO code"),
        Column(NAME_VI, TEXT, help_en="Vietnamese name with its type, NFC"),
        Column(NAME_ASCII, TEXT, pattern=r"[\x20-\x7e]+", help_en="the name without diacritics"),
        Column(LEVEL, TEXT, allowed=LEVELS),
        Column(KIND, TEXT, allowed=KINDS),
        Column(PARENT_CODE, TEXT, nullable=True, pattern=r"\d{2}|\d{3}|\d{5}"),
        Column(VALID_FROM, DATE),
        Column(VALID_TO, DATE, nullable=True),
        Column(SOURCE_ID, TEXT),
    ),
    key=(CODE, VALID_FROM),
    rules=(
        RowRule(
            "code_length",
            CODE,
            lambda df: df[CODE].str.len() != df[LEVEL].map(CODE_LENGTH),
        ),
        RowRule(
            "valid_order",
            VALID_TO,
            greater(VALID_FROM, VALID_TO),
        ),
        RowRule(
            "versions_overlap",
            VALID_FROM,
            _overlapping_versions,
        ),
    ),
)

UNIT_SUCCESSIONS = Table(
    "unit_successions",
    (
        Column(OLD_CODE, TEXT, pattern=r"\d{2}|\d{3}|\d{5}"),
        Column(NEW_CODE, TEXT, pattern=r"\d{2}|\d{3}|\d{5}"),
        Column(RELATION, TEXT, allowed=RELATIONS),
        Column(EFFECTIVE, DATE),
        Column(SOURCE_ID, TEXT),
    ),
    key=(OLD_CODE, NEW_CODE, EFFECTIVE),
)

SOURCES = Table(
    "sources",
    (
        Column(ID, TEXT, pattern=r"[a-z0-9][a-z0-9_.-]*"),
        Column(TITLE, TEXT),
        Column(PUBLISHER, TEXT, nullable=True),
        Column(URL, TEXT, nullable=True, pattern=r"https?://\S+"),
        Column(PUBLISHED, DATE, nullable=True),
        Column(SOURCE_KIND, TEXT, allowed=SOURCE_KINDS),
        Column(EXCERPT, TEXT, nullable=True),
        Column(YEARS, TEXT, nullable=True, optional=True, help_en="years of its figures"),
        Column(REPRINT, BOOL, nullable=True, optional=True, help_en="only a reprint was found"),
    ),
    key=(ID,),
)

PAR_SCORES = Table(
    "par_scores",
    (
        Column(INDEX_ID, TEXT, pattern=r"[a-z0-9_]+"),
        Column(UNIT_CODE, TEXT),
        _year(),
        Column(COMPONENT, TEXT, help_en="'total' or a component name"),
        Column(SCORE, FLOAT, nullable=True, minimum=0),
        Column(MAX_SCORE, FLOAT, minimum=0, help_en="the score's maximum (100 for a % score)"),
        Column(RANK_PUBLISHED, INT, nullable=True, minimum=1),
        Column(RANK_BASIS, TEXT, nullable=True),
        *_source(),
        Column(NOTE, TEXT, nullable=True),
    ),
    key=(INDEX_ID, UNIT_CODE, YEAR, COMPONENT),
    rules=(
        RowRule(
            "score_le_max",
            SCORE,
            greater(SCORE, MAX_SCORE),
        ),
    ),
)


def _level_outside_era(df: pd.DataFrame) -> pd.Series:
    old = df[ONLINE_LEVEL].isin(LEVELS_OLD) & (df[YEAR] > LAST_YEAR_OF_LEVELS)
    new = df[ONLINE_LEVEL].isin(FORMS_NEW) & (df[YEAR] < FIRST_YEAR_OF_FORMS)
    return (old | new).fillna(False)


PROCEDURES = Table(
    "procedures",
    (
        Column(UNIT_CODE, TEXT),
        _year(),
        Column(PROCEDURE_CODE, TEXT),
        Column(PROCEDURE_NAME, TEXT),
        Column(FIELD, TEXT, help_en="lĩnh vực"),
        Column(ONLINE_LEVEL, TEXT, nullable=True, allowed=ONLINE_LEVELS),
        Column(LEGAL_DAYS, FLOAT, nullable=True, minimum=0),
        Column(COMMITTED_DAYS, FLOAT, nullable=True, minimum=0),
        Column(ONE_STOP, BOOL, nullable=True),
        *_source(),
    ),
    key=(UNIT_CODE, YEAR, PROCEDURE_CODE),
    rules=(
        RowRule(
            "level_era",
            ONLINE_LEVEL,
            _level_outside_era,
        ),
        RowRule(
            "committed_le_legal",
            COMMITTED_DAYS,
            greater(COMMITTED_DAYS, LEGAL_DAYS),
        ),
    ),
)


def _mixed_granularity(df: pd.DataFrame) -> pd.Series:
    """Rows of a unit and year whose rows mix totals and breakdowns (month, field, procedure).

    A yearly total beside monthly or per-procedure rows of the same unit and year would be
    counted twice by every sum, so one unit-year must use one granularity.
    """
    shape = (
        df[MONTH].isna().astype(int).astype(str)
        + df[FIELD].isna().astype(int).astype(str)
        + df[PROCEDURE_CODE].isna().astype(int).astype(str)
    )
    kinds = shape.groupby([df[UNIT_CODE], df[YEAR]]).transform("nunique")
    return (kinds > 1).fillna(False)


def _resolved_above_received(df: pd.DataFrame) -> pd.Series:
    return ((df[ON_TIME] + df[LATE]) > df[RECEIVED]).fillna(False)


DOSSIER_STATS = Table(
    "dossier_stats",
    (
        Column(UNIT_CODE, TEXT),
        _year(),
        Column(MONTH, INT, nullable=True, minimum=1, maximum=12),
        Column(FIELD, TEXT, nullable=True),
        Column(PROCEDURE_CODE, TEXT, nullable=True),
        *(_count(c) for c in COUNT_COLUMNS),
        *_source(),
    ),
    key=(UNIT_CODE, YEAR, MONTH, FIELD, PROCEDURE_CODE),
    rules=(
        RowRule(
            "online_le_received",
            ONLINE,
            greater(ONLINE, RECEIVED),
        ),
        RowRule(
            "early_le_on_time",
            EARLY,
            greater(EARLY, ON_TIME),
        ),
        RowRule(
            "resolved_le_received",
            LATE,
            _resolved_above_received,
        ),
        RowRule(
            "one_granularity",
            PROCEDURE_CODE,
            _mixed_granularity,
        ),
    ),
)


def _resolved_date_mismatch(df: pd.DataFrame) -> pd.Series:
    """A resolved dossier without resolved_date, or another one with it."""
    return (df[STATUS].eq(STATUS_RESOLVED) != df[RESOLVED_DATE].notna()).fillna(False)


# On time: resolved_date <= due_date; early (a part of on time): resolved_date < due_date;
# late: resolved_date > due_date. Indicators are computed by indicators.records.
DOSSIERS = Table(
    "dossiers",
    (
        Column(DOSSIER_ID, TEXT, help_en="the one-stop system's dossier number"),
        Column(UNIT_CODE, TEXT, help_en="the unit that received the dossier"),
        Column(PROCEDURE_CODE, TEXT),
        Column(FIELD, TEXT, help_en="lĩnh vực"),
        Column(CHANNEL, TEXT, allowed=CHANNELS),
        Column(RECEIVED_DATE, DATE),
        Column(DUE_DATE, DATE),
        Column(RESOLVED_DATE, DATE, nullable=True),
        Column(STATUS, TEXT, allowed=STATUSES),
        *_source(),
    ),
    key=(DOSSIER_ID,),
    rules=(
        RowRule(
            "resolved_date_status",
            RESOLVED_DATE,
            _resolved_date_mismatch,
        ),
        RowRule(
            "due_after_received",
            DUE_DATE,
            greater(RECEIVED_DATE, DUE_DATE),
        ),
        RowRule(
            "resolved_after_received",
            RESOLVED_DATE,
            greater(RECEIVED_DATE, RESOLVED_DATE),
        ),
    ),
)

FIGURES = Table(
    "figures",
    (
        Column(UNIT_CODE, TEXT, nullable=True, help_en="the unit it is about; empty: the country"),
        _year(),
        Column(PERIOD, TEXT, help_en="the period as published: 2019, 2019-Q2, 2025-03"),
        Column(INDICATOR, TEXT, pattern=r"[a-z0-9_]+", help_en="see indicators.figures"),
        Column(VALUE, FLOAT, nullable=True),
        Column(COMPARATOR, TEXT, allowed=COMPARATORS, help_en="'>' for 'more than'"),
        Column(MAX_VALUE, FLOAT, nullable=True, minimum=0),
        Column(RANK, INT, nullable=True, minimum=1),
        Column(UNITS_RANKED, INT, nullable=True, minimum=1),
        *_source(),
        Column(EXCERPT, TEXT, nullable=True, help_en="the words that state the figure"),
        Column(NOTE, TEXT, nullable=True),
    ),
    key=(UNIT_CODE, PERIOD, INDICATOR, SOURCE_ID),
    rules=(
        RowRule(
            "value_le_max",
            VALUE,
            greater(VALUE, MAX_VALUE),
        ),
        RowRule(
            "rank_le_units",
            RANK,
            greater(RANK, UNITS_RANKED),
        ),
    ),
)

_ALL = (UNITS, UNIT_SUCCESSIONS, SOURCES, PAR_SCORES, PROCEDURES, DOSSIER_STATS, FIGURES, TARGETS)
TABLES: dict[str, Table] = {t.name: t for t in _ALL}
# Tables added after the first stores were written: a store without them reads them as empty.
ADDED_TABLES = ("figures", "targets")
# Tables a dataset may lack; a dataset without them stays valid. `dossiers` is read only by
# indicators.records (aggregated where it lives), never loaded whole by indicators.dataset.
OPTIONAL_TABLES: dict[str, Table] = {DOSSIERS.name: DOSSIERS}
# Tables whose unit_code must name a unit, and whose source_id must name a source.
UNIT_REFERENCES = dict.fromkeys(
    ("par_scores", "procedures", "dossier_stats", "figures", "targets"), UNIT_CODE
)
SOURCE_REFERENCES = (
    "units",
    "unit_successions",
    "par_scores",
    "procedures",
    "dossier_stats",
    "figures",
    "targets",
)
