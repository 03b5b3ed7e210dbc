"""The engine's kit: helpers any plugin may use, so plugins share code without importing each
other (``docs/sites.md``, *Writing a plugin*).

- ``api``: every item of a paginated API list (``fetch_all``), the API's origin for links;
- ``dates``: today in the district's time zone, a date span in local days;
- ``months``: month grids (weeks of day cells) for calendars; the table is the macro
  ``month_table`` in ``engine/calendar.html``;
- ``charts``: bar charts as inline SVG (also drawn by the CMS's printable statistics report,
  which may import the engine but no plugin).

Like the rest of ``sites/``, the kit imports nothing from ``cms/`` and knows no plugin.
"""
