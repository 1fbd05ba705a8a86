"""The SKP year: monitoring status, the Excel dashboard and the yearly scaffold (SPEC §7).

The revision comparison lives in :mod:`skpgen.diff` (the revision lint rule uses it too).
"""
