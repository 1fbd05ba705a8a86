"""Click commands, one module per area, imported lazily by :mod:`skpgen.cli`."""
