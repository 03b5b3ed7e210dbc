"""The invented umbrella organisations the demo clubs belong to."""

from cms.taxonomy.models import UmbrellaOrganisation

from .. import data


def ensure_umbrellas(context) -> None:
    for name, website in (
        (data.UMBRELLA_NAME, data.UMBRELLA_WEBSITE),
        (data.NETWORK_NAME, data.NETWORK_WEBSITE),
    ):
        umbrella, created = UmbrellaOrganisation.objects.get_or_create(
            name=name, defaults={"website": website}
        )
        context.created["Dachverbände"] += created
        context.umbrellas[name] = umbrella
