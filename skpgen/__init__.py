"""skpgen — Sasaran Kinerja Pegawai as code.

Validate, lint, score and render the yearly performance plan (SKP) of Indonesian civil servants.
Importing the package is cheap: heavy libraries are imported by the commands that need them.
"""

__version__ = "0.1.0"
