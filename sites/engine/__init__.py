"""The site engine: plugin registry, Jinja2 rendering and the atomic, incremental builder."""
