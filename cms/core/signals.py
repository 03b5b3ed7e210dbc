"""Signals the domain sends and the apps above it (the site builds) listen to, so that the
domain never imports them.

``content_changed`` — content outside the page revisions changed what built sites show (a
confirmed cooperation, a deleted tenant). Keyword arguments:

- ``club_slugs``: the clubs whose homepages show it (rebuild them);
- ``portal``: whether the portal shows it (rebuild it);
- ``removed_club_slugs``: clubs that no longer exist (remove their built sites).

Send it inside the transaction that makes the change; receivers act once it commits.
"""

from django.dispatch import Signal

content_changed = Signal()
