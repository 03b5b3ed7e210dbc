"""The benchmark names its results by the UTC date its times are given in."""

import datetime
import os
import time

from bench.run import utc_today


def test_the_results_date_is_the_utc_date_in_any_time_zone(monkeypatch):
    # 14 hours ahead of UTC: the local date is tomorrow's for ten hours of every day.
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        assert utc_today() == datetime.datetime.now(datetime.UTC).date().isoformat()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert os.environ.get("TZ") != "Pacific/Kiritimati"
