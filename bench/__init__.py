"""Benchmarks of Vereinsnetz (issue 9): ``python -m bench`` generates a scaled district in a
database of its own and measures the API, the site builder and the app under load side by side
with Wagtail's stock API and with "the floor" (the same bytes served from memory)."""
