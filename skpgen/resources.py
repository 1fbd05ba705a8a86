"""Locate the data folders (schemas, templates, rules) in a checkout and in an installed wheel.

In the wheel the top-level folders are packaged as ``skpgen/_data/<name>``; in a checkout or an
editable install they sit next to the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_path(name: str) -> Path:
    """Return the directory holding the data folder ``name`` ("schemas", "templates", "rules")."""
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"skpgen data folder {name!r} not found (looked in {packaged} and {checkout})")


def schema_file() -> Path:
    return resource_path("schemas") / "skp.schema.json"


def unit_schema_file() -> Path:
    return resource_path("schemas") / "unit.schema.json"
