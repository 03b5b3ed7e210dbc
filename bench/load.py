"""A bounded load of mixed reads and booking writes against gunicorn (2 sync workers on
loopback), and the check afterwards that no write was lost or duplicated (issue 10).

``serve`` starts gunicorn on a free port against a given database and always stops its whole
process group. ``run`` logs club editors and an agency user in (session + CSRF, through the
admin login form) and, for a bounded time, sends anonymous reads from several connections
while every editor requests rooms (valid, deliberately conflicting and invalid requests, and
withdrawals) and the agency confirms and declines the requests as they come in, repeating
some confirmations as a client retry would. Every write carries a unique marker in its
``purpose`` (or is tracked by the id it returned). ``verify`` then compares every answer with
the database.

The generator never retries a request on its own: a write whose answer is lost would be
counted as a connection error, which the check refuses.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import os
import random
import re
import signal
import subprocess
import time
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .cli import ROOT, free_port, python
from .measure import percentile

WRITE_RATE = "1000000/hour"  # the load is many writes from few accounts


@dataclass
class Account:
    username: str
    password: str


@dataclass
class Room:
    id: int
    capacity: int
    opens: int = 8  # every day, local time
    closes: int = 22


@dataclass
class Plan:
    """What to load: anonymous read paths, editors (one club each), the agency account, the
    rooms and the days (from tomorrow) booking requests fall on."""

    read_paths: list[str]
    editors: list[Account]
    agency: Account
    rooms: list[Room]
    seconds: float
    readers: int = 6
    days: int = 10
    seed: int = 10


@dataclass
class Call:
    """One request and its answer. ``kind`` says what was sent and what answer it expects."""

    kind: str
    method: str
    path: str
    status: int = 0  # 0: no answer (connection error)
    seconds: float = 0.0
    marker: str = ""
    booking_id: int | None = None
    target_id: int | None = None
    error: str = ""
    body: object = None


@dataclass
class Result:
    run_id: str
    calls: list[Call] = field(default_factory=list)
    seconds: float = 0.0


# --- the server ------------------------------------------------------------------------------


@contextlib.contextmanager
def serve(database_url: str, log_path: Path, settings: str = "cms.settings.test", env=None):
    """gunicorn with 2 sync workers on a free loopback port against ``database_url``; yields
    the base URL. Its output goes to ``log_path``, one line per request (method, path, status,
    microseconds) to ``access_log(log_path)``. The server runs in its own session and its
    process group is terminated (then killed) however the block ends."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = dict(os.environ)
    environment.pop("REDIS_URL", None)  # a per-worker local cache: no shared Redis keys
    environment.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=database_url,
        API_WRITE_RATE=WRITE_RATE,
        DATABASE_CONN_MAX_AGE="60",  # as docs/deploy.md recommends
        **(env or {}),
    )
    command = [
        python(), "-m", "gunicorn", "cms.wsgi:application",
        "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}",
        "--timeout", "60", "--log-level", "warning",
        "--access-logfile", str(access_log(log_path)),
        "--access-logformat", "%(m)s %(U)s %(s)s %(D)s",
    ]  # fmt: skip
    with open(log_path, "ab") as log:
        server = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=log, stderr=log, start_new_session=True
        )
    try:
        wait_for(base + "/api/v1/rooms/", server)
        yield base
    finally:
        stop(server)


def access_log(log_path: Path) -> Path:
    return log_path.with_suffix(".access.log")


def stop(server: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def wait_for(url: str, server: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


# --- the load --------------------------------------------------------------------------------


async def login(client, account: Account) -> str:
    """Log in through the admin's login form; returns the CSRF token for API writes."""
    await client.get("/admin/login/")
    response = await client.post(
        "/admin/login/",
        data={
            "username": account.username,
            "password": account.password,
            "csrfmiddlewaretoken": client.cookies["csrftoken"],
            "next": "/admin/",
        },
    )
    if response.status_code != 302 or "sessionid" not in client.cookies:
        raise RuntimeError(f"login of {account.username} failed: {response.status_code}")
    return client.cookies["csrftoken"]


class Load:
    def __init__(self, base_url: str, plan: Plan):
        self.base_url = base_url
        self.plan = plan
        self.result = Result(run_id=uuid.uuid4().hex[:12])
        self.rng = random.Random(plan.seed)
        self.tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        # Shared between the editors and the agency (one event loop, no locks needed).
        self.requested: list[tuple[int, Call]] = []  # created, not yet moved by the agency
        self.confirmed: list[Call] = []  # requests the agency confirmed
        self.sequence = 0

    # -- helpers

    async def send(self, client, kind, method, path, *, token=None, json=None, marker=""):
        call = Call(kind=kind, method=method, path=path, marker=marker)
        headers = {"X-CSRFToken": token} if token else {}
        started = time.perf_counter()
        try:
            response = await client.request(method, path, json=json, headers=headers)
            await response.aread()
            call.status = response.status_code
            if method == "POST":
                with contextlib.suppress(ValueError):
                    call.body = response.json()
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            call.error = f"{type(exc).__name__}: {exc}"
        call.seconds = time.perf_counter() - started
        self.result.calls.append(call)
        return call

    def marker(self, name: str) -> str:
        self.sequence += 1
        return f"load {self.result.run_id} {name} {self.sequence}"

    def slot(self, hours: int | None = None):
        room = self.rng.choice(self.plan.rooms)
        day = self.tomorrow + datetime.timedelta(days=self.rng.randrange(self.plan.days))
        hours = hours or self.rng.choice([1, 2, 3])
        hour = self.rng.randrange(room.opens, room.closes - hours + 1)
        start = datetime.datetime.combine(day, datetime.time(hour))
        return room, start, start + datetime.timedelta(hours=hours)

    @staticmethod
    def body(room: Room, start, end, marker: str, attendees: int = 10) -> dict:
        # Naive local times: the API reads them in Europe/Berlin.
        return {
            "room": room.id,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "purpose": marker,
            "attendees": attendees,
        }

    # -- the actors

    async def reader(self, client, offset: int, deadline: float) -> None:
        paths = self.plan.read_paths
        position = offset
        while time.perf_counter() < deadline:
            await self.send(client, "read", "GET", paths[position % len(paths)])
            position += self.plan.readers

    async def editor(self, client, name: str, token: str, deadline: float) -> None:
        own: list[int] = []
        while time.perf_counter() < deadline:
            choice = self.rng.random()
            if choice < 0.55:
                await self.request(client, name, token, "request")
            elif choice < 0.70 and self.confirmed:
                await self.conflicting_request(client, name, token)
            elif choice < 0.85:
                await self.invalid_request(client, name, token)
            elif choice < 0.92 and own:
                target = own.pop(self.rng.randrange(len(own)))
                await self.send(
                    client,
                    "withdraw",
                    "POST",
                    f"/api/v1/bookings/{target}/cancel/",
                    token=token,
                    json={"note": self.marker(name)},
                )
                self.result.calls[-1].target_id = target
                continue
            else:
                await self.send(client, "own-list", "GET", "/api/v1/bookings/?status=requested")
                continue
            last = self.result.calls[-1]
            if last.booking_id is not None:
                own.append(last.booking_id)

    async def request(self, client, name, token, kind, slot=None, attendees=10) -> Call:
        room, start, end = slot or self.slot()
        marker = self.marker(name)
        call = await self.send(
            client,
            kind,
            "POST",
            "/api/v1/bookings/",
            token=token,
            json=self.body(room, start, end, marker, attendees),
            marker=marker,
        )
        if call.status == 201 and isinstance(call.body, list) and len(call.body) == 1:
            call.booking_id = call.body[0]["id"]
            self.requested.append((call.booking_id, call))
        return call

    async def conflicting_request(self, client, name, token) -> None:
        """A request overlapping a confirmed booking by an hour: must be refused."""
        taken = self.rng.choice(self.confirmed)
        body = taken.body
        start = datetime.datetime.fromisoformat(body["start"]) + datetime.timedelta(minutes=30)
        room = next(r for r in self.plan.rooms if r.id == body["room"]["id"])
        local = start.astimezone(_berlin()).replace(tzinfo=None)
        end = local + datetime.timedelta(hours=1)
        if end.hour >= room.closes or end.date() != local.date():
            local, end = local - datetime.timedelta(hours=1), end - datetime.timedelta(hours=1)
        call = await self.request(client, name, token, "conflict", slot=(room, local, end))
        call.target_id = body["id"]

    async def invalid_request(self, client, name, token) -> None:
        room, start, end = self.slot()
        problem = self.rng.choice(["order", "capacity", "closed"])
        if problem == "order":
            await self.request(client, name, token, "invalid", slot=(room, end, start))
        elif problem == "capacity":
            await self.request(
                client, name, token, "invalid", slot=(room, start, end), attendees=room.capacity + 1
            )
        else:
            late = datetime.datetime.combine(start.date(), datetime.time(room.closes - 1))
            slot = (room, late, late + datetime.timedelta(hours=2))
            await self.request(client, name, token, "invalid", slot=slot)

    async def agency(self, client, token: str, deadline: float) -> None:
        while time.perf_counter() < deadline:
            if not self.requested:
                await asyncio.sleep(0.02)
                continue
            booking_id, request_call = self.requested.pop(self.rng.randrange(len(self.requested)))
            action = "decline" if self.rng.random() < 0.15 else "confirm"
            path = f"/api/v1/bookings/{booking_id}/{action}/"
            call = await self.send(client, action, "POST", path, token=token, json={})
            call.target_id = booking_id
            if action == "confirm" and call.status == 200:
                self.confirmed.append(call)
                if self.rng.random() < 0.2:
                    # The same confirmation again, as a client that lost the answer would.
                    again = await self.send(
                        client, "confirm-again", "POST", path, token=token, json={}
                    )
                    again.target_id = booking_id

    async def main(self) -> Result:
        import httpx

        plan = self.plan
        limits = httpx.Limits(max_connections=plan.readers, max_keepalive_connections=plan.readers)
        timeout = httpx.Timeout(60.0)
        async with contextlib.AsyncExitStack() as stack:

            async def session(account):
                client = await stack.enter_async_context(
                    httpx.AsyncClient(base_url=self.base_url, timeout=timeout)
                )
                return client, await login(client, account)

            editors = [await session(account) for account in plan.editors]
            agency_client, agency_token = await session(plan.agency)
            readers = await stack.enter_async_context(
                httpx.AsyncClient(base_url=self.base_url, timeout=timeout, limits=limits)
            )
            started = time.perf_counter()
            deadline = started + plan.seconds
            await asyncio.gather(
                *(self.reader(readers, number, deadline) for number in range(plan.readers)),
                *(
                    self.editor(client, f"e{number}", token, deadline)
                    for number, (client, token) in enumerate(editors)
                ),
                self.agency(agency_client, agency_token, deadline),
            )
            self.result.seconds = time.perf_counter() - started
        return self.result


def _berlin():
    import zoneinfo

    return zoneinfo.ZoneInfo("Europe/Berlin")


def run(base_url: str, plan: Plan) -> Result:
    """Run ``plan`` against the server at ``base_url`` for ``plan.seconds``."""
    return asyncio.run(Load(base_url, plan).main())


# --- figures and the check -------------------------------------------------------------------


def _latency(samples: list[float]) -> dict:
    return {
        "requests": len(samples),
        "p50_ms": round(percentile(samples, 0.50) * 1000, 1),
        "p95_ms": round(percentile(samples, 0.95) * 1000, 1),
        "p99_ms": round(percentile(samples, 0.99) * 1000, 1),
    }


def template(path: str) -> str:
    """``/api/v1/clubs/some-club/bundle/?x=1`` → ``/api/v1/clubs/{slug}/bundle/``."""
    path = path.split("?")[0]
    path = re.sub(r"/\d+/", "/{id}/", path)
    return re.sub(r"^/api/v1/clubs/[^/]+/", "/api/v1/clubs/{slug}/", path)


def server_times(access_log: Path) -> dict:
    """Time spent in the workers per method and path template, from gunicorn's access log
    (``serve`` writes one line per request: method, path, status, microseconds)."""
    samples: dict[str, list[float]] = {}
    if access_log.exists():
        for line in access_log.read_text().splitlines():
            method, path, _status, micros = line.split()
            samples.setdefault(f"{method} {template(path)}", []).append(int(micros) / 1e6)
    return {key: _latency(values) for key, values in sorted(samples.items())}


REQUESTS = ("request", "conflict", "invalid")


def figures(result: Result, access_log: Path | None = None) -> dict:
    """Requests, throughput and latencies as the clients saw them (queueing included), the
    writes accepted and refused, every status per kind of request, and the workers' own time
    per path from the access log."""
    calls = result.calls
    by_kind: dict[str, Counter] = {}
    for call in calls:
        by_kind.setdefault(call.kind, Counter())[str(call.status or "no answer")] += 1
    writes = [c for c in calls if c.method == "POST"]
    requests = [c for c in writes if c.kind in REQUESTS]
    moves = [c for c in writes if c.kind not in REQUESTS]
    return {
        "seconds": round(result.seconds, 1),
        "requests": len(calls),
        "rps": round(len(calls) / result.seconds, 1) if result.seconds else 0.0,
        **{k: v for k, v in _latency([c.seconds for c in calls]).items() if k != "requests"},
        "reads": _latency([c.seconds for c in calls if c.method == "GET"]),
        "writes": _latency([c.seconds for c in writes]),
        "booking_requests": {
            "accepted": sum(1 for c in requests if c.status == 201),
            "refused": sum(1 for c in requests if 400 <= c.status < 500),
        },
        "moves": {
            "accepted": sum(1 for c in moves if c.status == 200),
            "refused": sum(1 for c in moves if 400 <= c.status < 500),
        },
        "server_errors": sum(1 for c in calls if c.status >= 500),
        "connection_errors": sum(1 for c in calls if not c.status),
        "statuses_by_kind": {kind: dict(sorted(count.items())) for kind, count in by_kind.items()},
        "server_time": server_times(access_log) if access_log else {},
    }


# Which answers each kind of request may get.
EXPECTED = {
    "read": {200},
    "own-list": {200},
    "request": {201, 400},  # 400 only when the slot was confirmed for someone else meanwhile
    "conflict": {400, 201},  # 201 only when the confirmed booking was withdrawn meanwhile
    "invalid": {400},
    "confirm": {200, 400},  # 400 when it overlaps a confirmed booking or was withdrawn
    "confirm-again": {400},
    "decline": {200, 400},  # 400 when it was withdrawn first
    "withdraw": {200, 400},  # 400 when the agency declined it first
}
TAKEN = "schon vergeben"  # the refusal of a slot confirmed for someone else
MOVES = {"confirm": "confirmed", "confirm-again": "confirmed", "decline": "declined",
         "withdraw": "cancelled"}  # fmt: skip


def verify(result: Result) -> list[str]:
    """Compare every answer with the database (through the ORM of the calling process, which
    must see the server's database); returns the problems found, none if all is well."""
    from cms.rooms.models import Booking, BookingStatus, BookingTransition

    problems: list[str] = []
    for call in result.calls:
        if not call.status:
            problems.append(f"{call.method} {call.path}: no answer ({call.error})")
        elif call.status not in EXPECTED[call.kind]:
            problems.append(
                f"{call.kind} {call.method} {call.path} answered {call.status}: {call.body}"
            )

    ours = {
        booking.purpose: booking
        for booking in Booking.objects.filter(purpose__startswith=f"load {result.run_id} ")
    }
    stored = Counter(
        Booking.objects.filter(purpose__startswith=f"load {result.run_id} ").values_list(
            "purpose", flat=True
        )
    )
    problems += [f"{marker} stored {n} times" for marker, n in stored.items() if n > 1]
    requests = [c for c in result.calls if c.marker and c.method == "POST"]
    for call in requests:
        booking = ours.get(call.marker)
        if call.status == 201:
            if booking is None:
                problems.append(f"{call.marker}: answered 201 but not stored (lost)")
            elif booking.pk != call.booking_id:
                problems.append(
                    f"{call.marker}: answered id {call.booking_id}, stored {booking.pk}"
                )
        elif booking is not None:
            problems.append(f"{call.marker}: answered {call.status} but stored as {booking.pk}")
    answered = {c.marker for c in requests}
    problems += [
        f"{marker}: stored but never answered 201" for marker in ours if marker not in answered
    ]

    # Every status change answered 200 is in the booking's log exactly once, and nothing else.
    log: dict[int, Counter] = {}
    for booking_id, to_status in (
        BookingTransition.objects.filter(booking__purpose__startswith=f"load {result.run_id} ")
        .exclude(from_status="")
        .values_list("booking_id", "to_status")
    ):
        log.setdefault(booking_id, Counter())[to_status] += 1
    accepted: dict[int, Counter] = {}
    for call in result.calls:
        if call.kind in MOVES and call.status == 200:
            accepted.setdefault(call.target_id, Counter())[MOVES[call.kind]] += 1
    for booking_id in set(log) | set(accepted):
        if log.get(booking_id, Counter()) != accepted.get(booking_id, Counter()):
            problems.append(
                f"booking {booking_id}: moves answered 200 {dict(accepted.get(booking_id, {}))}, "
                f"logged {dict(log.get(booking_id, {}))}"
            )
    by_id = {booking.pk: booking for booking in ours.values()}
    for call in result.calls:
        if call.kind == "request" and call.status == 400 and TAKEN not in str(call.body):
            problems.append(f"{call.marker}: a valid request refused: {call.body}")
        if call.kind == "conflict" and call.status == 201:
            target = by_id.get(call.target_id)
            if target is None or target.status == BookingStatus.CONFIRMED:
                problems.append(f"{call.marker}: accepted over confirmed booking {call.target_id}")

    confirmed = list(
        Booking.objects.filter(status=BookingStatus.CONFIRMED).order_by("room_id", "start")
    )
    latest: dict[int, Booking] = {}  # per room, the confirmed booking ending last so far
    for booking in confirmed:
        previous = latest.get(booking.room_id)
        if previous is not None and booking.start < previous.end:
            problems.append(f"confirmed bookings {previous.pk} and {booking.pk} overlap")
        if previous is None or booking.end > previous.end:
            latest[booking.room_id] = booking
    return problems
