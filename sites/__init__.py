"""The frontends: static sites built only from the Vereinsnetz API (never from ``cms``)."""
