"""The project's URLs plus the floor: ``/bench/floor/<key>/`` answers with bytes captured from
a real response (``FLOOR_DIR/<key>.bin`` and its content type), held in memory, through the
same middleware stack. Only the benchmark's settings use this URLconf."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as project_urlpatterns

_floor: dict[str, tuple[bytes, str]] = {}


def floor_dir() -> Path:
    from django.conf import settings

    return Path(os.environ.get("BENCH_FLOOR_DIR", settings.MEDIA_ROOT.parent / "floor"))


def floor(request, key: str):
    entry = _floor.get(key)
    if entry is None:
        directory = floor_dir()
        body = (directory / f"{key}.bin").read_bytes()
        content_type = (directory / f"{key}.type").read_text()
        entry = _floor[key] = (body, content_type)
    return HttpResponse(entry[0], content_type=entry[1])


urlpatterns = [path("bench/floor/<slug:key>/", floor), *project_urlpatterns]
