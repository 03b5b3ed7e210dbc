"""The server's timing of the benchmark's admin POSTs (bench/timing.py): one line per timed
request, its parts adding up to the wall time, summarised per phase."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory

from bench import timing

pytestmark = pytest.mark.django_db


def view(request):
    list(get_user_model().objects.all())
    get_user_model().objects.filter(pk=0).exists()
    return HttpResponse("ok")


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "admin-posts.jsonl"
    monkeypatch.setenv("BENCH_TIMING_LOG", str(path))
    return path


def test_an_admin_post_is_timed_with_its_phase(log):
    middleware = timing.AdminPostTiming(view)
    request = RequestFactory().post("/admin/pages/3/edit/", headers={"X-Bench-Phase": "alone"})
    assert middleware(request).content == b"ok"
    [line] = [json.loads(text) for text in log.read_text().splitlines()]
    assert line["phase"] == "alone" and line["status"] == 200
    assert line["statements"] == 2
    assert line["wall"] > 0 and line["db"] > 0
    parts = line["cpu"] + line["db"] + line["other"]
    assert parts == pytest.approx(line["wall"], abs=0.002)


@pytest.mark.parametrize(("method", "path"), [("get", "/admin/pages/"), ("post", "/api/v1/x/")])
def test_nothing_else_is_timed(log, method, path):
    timing.AdminPostTiming(view)(getattr(RequestFactory(), method)(path))
    assert not log.exists()


def test_without_a_log_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.delenv("BENCH_TIMING_LOG", raising=False)
    response = timing.AdminPostTiming(view)(RequestFactory().post("/admin/pages/3/edit/"))
    assert response.content == b"ok"
    assert list(tmp_path.iterdir()) == []


def test_the_summary_has_each_phase(log):
    middleware = timing.AdminPostTiming(view)
    for phase in ("together", "together", "alone"):
        middleware(RequestFactory().post("/admin/x/", headers={"X-Bench-Phase": phase}))
    summary = timing.summary(log)
    assert set(summary) == {"together", "alone"}
    assert summary["together"]["wall"]["n"] == 2 and summary["alone"]["wall"]["n"] == 1
    assert summary["together"]["statements"] == 2
    assert {"wall", "cpu", "db", "waits", "other"} <= set(summary["alone"])
