"""Backup and restore of a whole installation: the database and the uploaded media.

A backup is a directory ``vereinsnetz-backup-<UTC timestamp>/`` holding

- ``database.sqlite3`` (SQLite's online backup API: a consistent copy while the site runs) or
  ``database.pgdump`` (``pg_dump --format=custom``),
- ``media.tar.gz`` (everything under ``MEDIA_ROOT``),
- ``manifest.json``: when, which database engine, the applied migrations and a SHA-256 of
  each file, checked before anything is restored.

Built sites are not part of it: ``manage.py build_sites --all`` (and ``--portal``) rebuilds them
from the restored content. Restoring needs the same database engine (moving between SQLite and
PostgreSQL is ``dumpdata``/``loaddata``, see docs/deploy.md); it replaces the database and the
media directory, the latter only after the new copy has been unpacked completely.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1


class BackupError(RuntimeError):
    """The backup cannot be written or restored; nothing was replaced."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def backup(out: Path) -> Path:
    """Write a backup below ``out``; return its directory."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = Path(out) / f"vereinsnetz-backup-{stamp}"
    target.mkdir(parents=True)
    vendor = connection.vendor
    if vendor == "sqlite":
        connection.ensure_connection()
        database = target / "database.sqlite3"
        copy = sqlite3.connect(database)
        with copy:
            connection.connection.backup(copy)
        copy.close()
    elif vendor == "postgresql":
        database = target / "database.pgdump"
        args, env = _pg_env()
        name = connection.settings_dict["NAME"]
        result = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(database), name],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    else:
        raise BackupError(f"No backup for the {vendor} database engine")

    media = target / "media.tar.gz"
    with tarfile.open(media, "w:gz") as archive:
        root = Path(settings.MEDIA_ROOT)
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=path.relative_to(root).as_posix())

    migrations = sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )
    manifest = {
        "format": FORMAT,
        "created_at": stamp,
        "engine": vendor,
        "migrations": migrations,
        "files": {path.name: _sha256(path) for path in (database, media)},
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return target


def read_manifest(source: Path) -> dict:
    source = Path(source)
    try:
        manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{source} is no backup (manifest.json unreadable: {exc})") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}")
    for name, digest in manifest.get("files", {}).items():
        path = source / name
        if not path.is_file() or _sha256(path) != digest:
            raise BackupError(f"{name} is missing or damaged (checksum differs); nothing restored")
    if manifest.get("engine") != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest.get('engine')} database, this installation uses "
            f"{connection.vendor}; nothing restored"
        )
    return manifest


def restore(source: Path) -> dict:
    """Replace the database and the media with the backup in ``source``."""
    source = Path(source)
    manifest = read_manifest(source)
    root = Path(settings.MEDIA_ROOT)
    root.parent.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp(prefix=".restore-", dir=root.parent))
    try:
        with tarfile.open(source / "media.tar.gz") as archive:
            archive.extractall(unpacked, filter="data")
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            backup_db = sqlite3.connect(source / "database.sqlite3")
            with backup_db:
                backup_db.backup(connection.connection)
            backup_db.close()
        else:
            connections.close_all()
            args, env = _pg_env()
            result = subprocess.run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *args,
                    "--dbname",
                    connection.settings_dict["NAME"],
                    str(source / "database.pgdump"),
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        previous = root.with_name(f".{root.name}-before-restore")
        shutil.rmtree(previous, ignore_errors=True)
        if root.exists():
            root.rename(previous)
        unpacked.rename(root)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(unpacked, ignore_errors=True)
    cache.clear()  # cached API answers describe the replaced content
    return manifest
