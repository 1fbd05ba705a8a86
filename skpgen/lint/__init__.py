"""The lint engine (SPEC §5): configuration, suppression, vocabulary and output formats.

Rules live in :mod:`skpgen.rules` (one module per rule); word lists in the top-level ``rules/``
data folder. Entry points: :func:`skpgen.lint.engine.lint_document` and ``skpgen lint``.
"""
