"""Production settings: ``check --deploy`` is clean, the security headers are set."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(command, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**extra):
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x7!Qm2#vL9$pR4^tW8&zK1*nB6(cF3)hJ5_dG0+sA-yE=uI?oP{~" * 2,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        **extra,
    }


def test_check_deploy_passes_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    env.pop("SECRET_KEY")
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_settings_enforce_the_second_factor_for_the_agency():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.VEREINSNETZ_OTP_REQUIRED_GROUPS, s.VEREINSNETZ_OTP_REQUIRED_PERMISSIONS, "
        "s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.TRUSTED_PROXY_COUNT)",
        **production_env(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "['Integrationsagentur']",
        "['tenancy.work_across_tenants']",
        "True",
        "True",
        "31536000",
        "1",
    ]


def test_media_on_object_storage_is_configured_from_the_environment():
    # Only the settings module: the S3 backend itself (``.[s3]``) is not installed in tests.
    result = run(
        [
            "-c",
            "import json; import cms.settings.production as s; "
            "print(json.dumps(s.STORAGES['default']))",
        ],
        **production_env(
            MEDIA_BUCKET="vereinsnetz-media",
            MEDIA_ENDPOINT_URL="https://s3.example.org",
            MEDIA_CUSTOM_DOMAIN="media.example.org",
        ),
    )
    assert result.returncode == 0, result.stderr
    storage = json.loads(result.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "vereinsnetz-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert storage["OPTIONS"]["custom_domain"] == "media.example.org"
    assert storage["OPTIONS"]["file_overwrite"] is False


def run_manage(*args, **env):
    return run(["manage.py", *args], **env)
