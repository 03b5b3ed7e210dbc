"""The journey report tells the server's time from the whole wait and names the steps over a
second by which of the two (a busy machine stretches the wait, not the server's answer)."""

from .walk import SLOW_MS, Report


def test_the_report_names_slow_steps_by_server_and_by_total_only():
    report = Report()
    report.add("verein", "phone", "Dashboard", "/admin/", {"server_ms": 80, "loaded_ms": 300})
    report.add(
        "verein",
        "phone",
        "Veröffentlicht",
        "/admin/pages/3/",
        {"server_ms": 1400, "redirect_ms": 900, "loaded_ms": 1700},
    )
    report.add(
        "verein", "phone", "Profil", "/admin/pages/3/edit/", {"server_ms": 200, "loaded_ms": 1300}
    )
    report.add(
        "verein",
        "phone",
        "Formular",
        "/api/",
        {"server_ms": None, "response_ms": 1200},
        kind="request",
    )
    report.add("verein", "phone", "Ohne Zeiten", "/x/", None)

    slow = report.as_json()["over_threshold"]
    assert report.as_json()["threshold_ms"] == SLOW_MS == 1000
    assert [row["step"] for row in slow["server"]] == ["Veröffentlicht"]
    assert [row["step"] for row in slow["total_only"]] == ["Profil", "Formular"]
    text = report.summary()
    assert "Über 1 s beim Server: verein/phone: Veröffentlicht" in text
    assert "nur gesamt (Browser, ausgelastete Maschine): verein/phone: Profil, " in text
    assert "   1400 ms    1700 ms  verein/phone: Veröffentlicht  > 1 s" in text
    assert "      – ms       – ms  verein/phone: Ohne Zeiten" in text
