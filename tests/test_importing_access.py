"""The pure parts behind the /data page's upload: password check, sign-in fingerprint, the
brake on guesses, names for the log, the problem and log tables, the served version."""

from __future__ import annotations

import pandas as pd
import pytest
from support.importing import copy_data, score_file

from indicators.importing import import_bytes, import_log, rollback, served_version
from indicators.importing.access import (
    DEFAULT_WHO,
    MAX_WHO,
    Throttle,
    clean_who,
    client_key,
    fingerprint,
    password_matches,
    still_signed_in,
)
from indicators.importing.display import (
    FAILURE_COLUMNS,
    LOG_SHOWN,
    failure_rows,
    log_rows,
    vietnam_time,
)
from indicators.validation import Failure


def test_the_password_must_match_exactly_and_an_empty_one_never_matches() -> None:
    assert password_matches("mật khẩu", "mật khẩu")
    assert password_matches("me\u0323\u0302t", "mệt")  # typed decomposed (NFD): the same
    assert not password_matches("mật khẩu ", "mật khẩu")
    assert not password_matches("", "")
    assert not password_matches("anything", "")


def test_a_session_keeps_a_fingerprint_that_a_new_password_invalidates() -> None:
    kept = fingerprint("one")
    assert "one" not in kept and len(kept) == 64
    assert still_signed_in(kept, "one")
    assert not still_signed_in(kept, "two")
    assert not still_signed_in(kept, "")
    assert not still_signed_in(None, "one")


def test_names_for_the_log_are_printable_short_and_never_empty() -> None:
    assert clean_who("  Nguyễn   Thị\tLan\n") == "Nguyễn Thị Lan"
    assert clean_who("a\x00b\x1b[31m") == "a b [31m"
    assert len(clean_who("x" * 500)) == MAX_WHO
    assert clean_who("") == clean_who(None) == clean_who(" \n ") == DEFAULT_WHO


def test_the_throttle_holds_back_guesses_for_the_rest_of_the_window() -> None:
    now = [1000.0]
    brake = Throttle(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert brake.wait("ip:203.0.113.7") == 0
        brake.failed("ip:203.0.113.7")
    assert brake.wait("ip:203.0.113.7") == 60
    now[0] += 59.5
    assert brake.wait("ip:203.0.113.7") == 1
    now[0] += 0.5
    assert brake.wait("ip:203.0.113.7") == 0  # the first failure left the window


def test_guesses_from_one_address_never_hold_back_another_address() -> None:
    now = [0.0]
    brake = Throttle(limit=3, window=60, clock=lambda: now[0])
    guesser, administrator = "ip:203.0.113.7", "ip:198.51.100.20"
    for second in (0, 10, 20):
        now[0] = second
        brake.failed(guesser)
    now[0] = 30
    assert brake.wait(guesser) == 30  # 0 + 60 - 30
    assert brake.wait(administrator) == 0
    brake.failed(administrator)  # a typo of the administrator's own
    assert (brake.wait(administrator), brake.wait(guesser)) == (0, 30)
    now[0] = 61
    assert brake.wait(guesser) == 0  # the failure at 0 left the window; 10 and 20 remain


def test_clients_without_a_recent_failure_are_forgotten() -> None:
    now = [0.0]
    brake = Throttle(limit=3, window=60, clock=lambda: now[0], max_clients=2)
    for client in ("ip:192.0.2.1", "ip:192.0.2.2"):
        brake.failed(client)
    now[0] = 100
    brake.failed("ip:192.0.2.3")  # a third client: the two quiet ones are dropped
    assert list(brake._failures) == ["ip:192.0.2.3"]


def test_a_client_is_its_address_else_what_nginx_saw_else_its_session() -> None:
    assert client_key("203.0.113.7", None, "s1") == "ip:203.0.113.7"
    assert client_key("203.0.113.7", "10.0.0.1", "s1") == "ip:203.0.113.7"  # not behind nginx
    # behind the bundled nginx the connection is local (None); nginx appends what it saw
    assert client_key(None, "6.6.6.6, 203.0.113.7", "s1") == "ip:203.0.113.7"
    assert client_key(None, "not an address", "s1") == "session:s1"
    assert client_key(None, None, "s1") == "session:s1"
    # one IPv6 subscriber has a whole /64: it is one client
    assert client_key("2001:db8:1:2::a", None, "s") == client_key("2001:db8:1:2:ffff::1", None, "")
    assert client_key("2001:db8:1:2::a", None, "s") == "ip:2001:db8:1:2::/64"
    assert client_key("::ffff:203.0.113.7", None, "s") == "ip:203.0.113.7"


def test_failure_rows_keep_every_part_as_text() -> None:
    failures = [
        Failure("d.xlsx", 3, "Tên đơn vị", "<script>alert(1)</script>", "unknown_unit", "vi", "en"),
        Failure("d.xlsx", None, None, None, "empty", "tệp rỗng", "file is empty"),
        Failure("par_scores", 2, "score", 101.5, "above_max", "lớn", "above"),
    ]
    rows = failure_rows(failures)
    assert list(rows.columns) == list(FAILURE_COLUMNS)
    assert rows["value"].tolist() == ["<script>alert(1)</script>", "", "101.5"]
    assert rows["row"].tolist()[0] == 3 and pd.isna(rows["row"].iloc[1])
    assert rows["column"].tolist() == ["Tên đơn vị", "", "score"]
    assert failure_rows([]).empty


def test_log_times_are_shown_in_viet_nam_time() -> None:
    assert vietnam_time("2025-03-05T20:30:00+00:00") == "06/03/2025 03:30:00"
    assert vietnam_time("2025-03-05T20:30:00") == "06/03/2025 03:30:00"  # naive: UTC
    assert vietnam_time("not a time") == "not a time"
    assert vietnam_time(None) == ""


@pytest.fixture
def store(tmp_path):
    return copy_data(tmp_path / "data")


def test_log_rows_are_newest_first_with_whole_counts(store) -> None:
    assert log_rows(import_log(str(store))).empty
    assert import_bytes(score_file(96), "a.xlsx", str(store), "Lan").ok
    assert rollback(str(store), "Minh").ok
    rows = log_rows(import_log(str(store)))
    assert list(rows.columns) == list(LOG_SHOWN)
    assert rows["action"].tolist() == ["rollback", "import"]
    assert rows["who"].tolist() == ["Minh", "Lan"]
    assert rows["file"].tolist() == ["", "a.xlsx"]
    assert rows["replaced"].tolist()[1] == 1 and pd.isna(rows["added"].iloc[0])
    assert rows["at"].str.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d").all()


def test_the_served_version_follows_every_import_and_rollback(store, tmp_path) -> None:
    seen = [served_version(str(store))]
    assert served_version(str(store)) == seen[0]  # stable while nothing changes
    assert import_bytes(score_file(96), "a.xlsx", str(store), "t").ok
    seen.append(served_version(str(store)))
    assert import_bytes(score_file(97), "b.xlsx", str(store), "t").ok
    seen.append(served_version(str(store)))
    assert rollback(str(store), "t").ok
    seen.append(served_version(str(store)))
    assert len(set(seen[:3])) == 3 and seen[1].startswith("versions/")
    assert seen[3] == seen[1]  # the same data again: what was cached for it is still right
    assert served_version(str(tmp_path / "nowhere")) == "missing"


def test_the_served_version_of_a_database_follows_its_log(tmp_path) -> None:
    from indicators.dataset import load_dataset, write_sql

    url = f"sqlite:///{tmp_path / 'par.db'}"
    dataset = load_dataset(copy_data(tmp_path / "data"))
    write_sql(
        {name: dataset.table(name) for name in dataset.__dataclass_fields__ if name != "source"},
        url,
    )
    before = served_version(url)
    assert import_bytes(score_file(96), "a.xlsx", url, "t").ok
    after = served_version(url)
    assert before != after and after.startswith("sql:")
