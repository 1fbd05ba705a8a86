"""DOCX rendering: our own Jinja-in-DOCX template engine (see :mod:`skpgen.render.engine`)."""
