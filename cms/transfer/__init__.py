"""Moving a club between installations: its pages, media and editors (``clubs.py``) and its
cooperations, mentorings and room bookings (``links.py``); ``manage.py export_club`` and
``import_club``. Above the domain: it reads and writes the tenancy, clubs, partners and rooms
apps, none of which imports it."""
