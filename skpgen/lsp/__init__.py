"""``skpgen lsp``: a language server for SKP plans (SPEC §10).

``session`` lints editor buffers through the lint engine (the same code as ``skpgen lint``),
``actions`` computes the code actions as plain text edits, and ``server`` is the pygls glue; only
``server`` imports pygls, and only the ``lsp`` command imports ``server``.
"""
