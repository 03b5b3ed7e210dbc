"""Plugins the sites are assembled from; each registered under the ``vereinsnetz.plugins``
entry-point group in ``pyproject.toml``."""
