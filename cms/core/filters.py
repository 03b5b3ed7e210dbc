"""Filter helpers every API filter shares: codes that are case-insensitive (ISO countries,
BCP 47 languages) brought into their stored form."""

import django_filters


def canonical_bcp47(tag: str) -> str:
    """BCP 47 tags are case-insensitive; store and compare them in their canonical case
    (``ku-arab`` → ``ku-Arab``, ``pt-br`` → ``pt-BR``)."""
    parts = tag.strip().split("-")
    canonical = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            canonical.append(part.title())
        elif len(part) == 2 and part.isalpha():
            canonical.append(part.upper())
        else:
            canonical.append(part.lower())
    return "-".join(canonical)


class NormalisingFilterSet(django_filters.FilterSet):
    """Brings case-insensitive codes (ISO countries, BCP 47 languages) into stored form."""

    normalisers: dict = {}

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            for name, normalise in self.normalisers.items():
                if name in data:
                    data.setlist(name, [normalise(value) for value in data.getlist(name)])
        super().__init__(data, *args, **kwargs)
