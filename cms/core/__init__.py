"""The domain-free core: what every app shares and that names no domain.

API plumbing (errors, parameters, pagination, parsers, schema, throttling, caching by content
version), the privacy registry, access checks, mail on commit, the preview mixin and the
``content_changed`` signal. Apps register what they contribute (cache-invalidating models,
privacy rules, …) in their ``AppConfig.ready``; nothing here imports an app of the domain
(the import contract in ``pyproject.toml`` checks it, see docs/architecture.md).
"""
