"""What a rule's options may be: declared next to its ``OPTIONS`` (yamllint's ``CONF``/``VALIDATE``).

A rule with options declares, beside the defaults::

    OPTIONS = {"min": 5, "max": 7}
    CONF = {"min": Number(minimum=0, integer=True), "max": Number(minimum=1, integer=True)}

    def VALIDATE(options):                       # relations between options (optional)
        if options["min"] > options["max"]:
            return {"id": "…", "en": "…"}      # the problem, in both languages
        return None

The configuration reader (:mod:`skpgen.lint.config`) checks every configured value against its
``CONF`` entry and then ``VALIDATE`` on the defaults merged with the configured values, so a
nonsense configuration is a located configuration error (exit 2), never a strange message.

    >>> Number(minimum=0, maximum=100).problem(150, "en")
    'a number from 0 to 100'
    >>> Number(minimum=0, integer=True).problem(2.5, "id")
    'bilangan bulat ≥ 0'
    >>> Number(above=0, maximum=1).problem(0.9, "en") is None
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_WORDS = {
    "id": {"integer": "bilangan bulat", "number": "angka", "from_to": "{kind} {lo}–{hi}", "ge": "{kind} ≥ {lo}",
           "le": "{kind} ≤ {hi}", "gt": "{kind} > {lo}", "gt_le": "{kind} > {lo} dan ≤ {hi}"},
    "en": {"integer": "an integer", "number": "a number", "from_to": "{kind} from {lo} to {hi}",
           "ge": "{kind} ≥ {lo}", "le": "{kind} ≤ {hi}", "gt": "{kind} > {lo}", "gt_le": "{kind} > {lo} and ≤ {hi}"},
}


@dataclass(frozen=True)
class Number:
    """A number option: ``integer`` or any number, within ``minimum``/``maximum`` (inclusive) or
    above ``above`` (exclusive). Booleans are not numbers."""

    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None
    integer: bool = False

    def describe(self, lang: str = "id") -> str:
        w = _WORDS.get(lang, _WORDS["id"])
        kind = w["integer" if self.integer else "number"]
        if self.above is not None:
            key = "gt_le" if self.maximum is not None else "gt"
            return w[key].format(kind=kind, lo=_show(self.above), hi=_show(self.maximum))
        if self.minimum is not None and self.maximum is not None:
            return w["from_to"].format(kind=kind, lo=_show(self.minimum), hi=_show(self.maximum))
        if self.minimum is not None:
            return w["ge"].format(kind=kind, lo=_show(self.minimum))
        if self.maximum is not None:
            return w["le"].format(kind=kind, hi=_show(self.maximum))
        return kind

    def problem(self, value: Any, lang: str = "id") -> str | None:
        """None when ``value`` fits, else what it must be (for the configuration error)."""
        ok = isinstance(value, int) if self.integer else isinstance(value, (int, float))
        ok = ok and not isinstance(value, bool) and value == value  # NaN is no number here
        if ok and self.minimum is not None and value < self.minimum:
            ok = False
        if ok and self.maximum is not None and value > self.maximum:
            ok = False
        if ok and self.above is not None and value <= self.above:
            ok = False
        return None if ok else self.describe(lang)


def _show(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else str(x)
