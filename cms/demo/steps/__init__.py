"""The steps of ``manage.py load_demo``, one module per kind of demo data."""
