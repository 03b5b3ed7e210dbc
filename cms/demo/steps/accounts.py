"""Demo accounts: a superuser and the agency's account. Club editors are created with their
clubs (``clubs.py``) and get their password from ``set_demo_password``."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from cms.tenancy.platform import agency_group

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "demo-admin"
AGENCY_EMAIL = "agentur@vereinsnetz.example"
AGENCY_PASSWORD = "demo-agentur"
EDITOR_PASSWORD = "demo-verein"


@cache
def demo_password_hash(password: str) -> str:
    """Hashed once per run: the demo passwords are public anyway, and hashing 74 of them
    one by one would take half a minute."""
    return make_password(password)


def set_demo_password(user, password: str) -> bool:
    """Give a new account its demo password; an account that has one keeps it, so a second
    run changes nothing."""
    if user.has_usable_password():
        return False
    user.password = demo_password_hash(password)
    user.save(update_fields=["password"])
    return True


def ensure_admin(context) -> None:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={
            "email": "admin@vereinsnetz.example",
            "first_name": "Demo",
            "last_name": "Administration",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        user.set_unusable_password()
    if set_demo_password(user, ADMIN_PASSWORD):
        context.created["Konten"] += 1
    context.users["admin"] = user
    context.logins.append(("Administration", ADMIN_USERNAME, ADMIN_PASSWORD))


def ensure_agency_account(context) -> None:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=AGENCY_EMAIL,
        defaults={"email": AGENCY_EMAIL, "first_name": "Demo", "last_name": "Integrationsagentur"},
    )
    if created:
        user.set_unusable_password()
    user.groups.add(agency_group())
    if set_demo_password(user, AGENCY_PASSWORD):
        context.created["Konten"] += 1
    context.users["agency"] = user
    context.logins.append(("Integrationsagentur", AGENCY_EMAIL, AGENCY_PASSWORD))
