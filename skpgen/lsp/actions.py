"""The code actions of ``skpgen lsp`` as plain text edits (SPEC §10; no pygls here).

- insert a suppression comment with a reason placeholder (any lint rule's finding);
- quote an unquoted NIP (E022 on a ``nip`` holding a number);
- rewrite a thousands-dot number (``kuantitas: 1.240`` → ``1240``) in a count or money field, keyed
  on the raw text (the loader reads ``1.240`` as the float 1,24; the E060 finding names it when
  present);
- apply a "Maksud Anda" suggestion (unknown key or enum value).

Positions are 0-based lines and code-point columns; the server converts columns to UTF-16.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from skpgen.findings import Finding
from skpgen.i18n import Catalogue, t

_MESSAGES = Catalogue(Path(__file__).resolve().parent / "messages.toml")

# count and money fields (SPEC §3 input trust), with a number of 1–3 digits and groups of three
_THOUSANDS = re.compile(r"(?<![\w.])(?P<key>kuantitas|biaya|nilai)(?P<sep>\s*:\s*)"
                        r"(?P<num>\d{1,3}(?:\.\d{3})+)(?![\d.]|,\d)")


def msg(key: str, lang: str, **kw: object) -> str:
    return _MESSAGES.t(key, lang, **kw)


@dataclass(frozen=True)
class Edit:
    line: int          # 0-based
    start: int         # code-point column, 0-based
    end_line: int
    end: int
    text: str


@dataclass(frozen=True)
class Action:
    title: str
    edits: tuple[Edit, ...]
    code: str | None = None       # the finding it fixes, if any
    finding: Finding | None = None
    preferred: bool = False


def suppressible(code: str) -> bool:
    """Input and schema errors (E0xx up to E090) cannot be suppressed; E091/E092 are about directives."""
    return not code.startswith("E0")


def suppress(lines: list[str], f: Finding, lang: str) -> Action | None:
    """``# skpgen: ignore[CODE] -- [tulis alasan]`` after the finding's line, or on a comment line
    above it when the line already has a comment."""
    from skpgen.lint.suppression import _comment_start

    if not suppressible(f.code) or not 1 <= f.line <= len(lines):
        return None
    text = lines[f.line - 1]
    if not text.strip() or text.lstrip().startswith("#"):
        return None
    comment = f"# skpgen: ignore[{f.code}] -- {msg('action.reason_placeholder', lang)}"
    if _comment_start(text) is None:
        end = len(text.rstrip())
        edit = Edit(f.line - 1, end, f.line - 1, len(text), "  " + comment)
    else:
        indent = text[:len(text) - len(text.lstrip())]
        edit = Edit(f.line - 1, 0, f.line - 1, 0, indent + comment + "\n")
    return Action(msg("action.suppress", lang, code=f.code), (edit,), f.code, f)


def _span(lines: list[str], f: Finding) -> str | None:
    """The source text of a single-line finding."""
    if f.line != f.end_line or not 1 <= f.line <= len(lines):
        return None
    return lines[f.line - 1][f.column - 1:f.end_column - 1]


def quote_nip(lines: list[str], f: Finding, lang: str) -> Action | None:
    if f.code != "E022" or not f.path or f.path[-1] != "nip":
        return None
    raw = _span(lines, f)
    if raw is None or not raw.strip().isdigit():
        return None
    nip = raw.strip()
    edit = Edit(f.line - 1, f.column - 1, f.line - 1, f.end_column - 1, f'"{nip}"')
    return Action(msg("action.quote_nip", lang, nip=nip), (edit,), f.code, f, preferred=True)


@cache
def _did_you_mean(lang: str) -> re.Pattern[str]:
    marker = "\x00"
    template = t("hint.did_you_mean", lang, suggestion=marker)
    before, after = template.strip().split(marker)
    return re.compile(re.escape(before) + r"(?P<s>.+?)" + re.escape(after) + r"\s*$")


def did_you_mean(lines: list[str], f: Finding, lang: str) -> Action | None:
    if f.code not in ("E021", "E023"):
        return None
    m = _did_you_mean(lang).search(f.message)
    raw = _span(lines, f)
    if m is None or raw is None or not raw.strip():
        return None
    suggestion = m.group("s")
    edit = Edit(f.line - 1, f.column - 1, f.line - 1, f.end_column - 1, suggestion)
    return Action(msg("action.did_you_mean", lang, suggestion=suggestion), (edit,), f.code, f, preferred=True)


def thousands(lines: list[str], first: int, last: int, lang: str,
              findings: list[Finding] = ()) -> list[Action]:  # type: ignore[assignment]
    """Thousands-dot numbers in count/money fields on lines ``first``..``last`` (0-based)."""
    from skpgen.lint.suppression import _comment_start

    out = []
    by_line = {f.line - 1: f for f in findings if f.code == "E060"}
    for i in range(max(first, 0), min(last, len(lines) - 1) + 1):
        text = lines[i]
        cut = _comment_start(text)
        for m in _THOUSANDS.finditer(text if cut is None else text[:cut]):
            raw = m.group("num")
            fixed = raw.replace(".", "")
            edit = Edit(i, m.start("num"), i, m.end("num"), fixed)
            f = by_line.get(i)
            out.append(Action(msg("action.thousands", lang, fixed=fixed, raw=raw), (edit,),
                              f.code if f else None, f, preferred=True))
    return out


def actions_for(lines: list[str], findings: list[Finding], first: int, last: int, lang: str) -> list[Action]:
    """Every code action for the lines ``first``..``last`` (0-based) given the buffer's findings."""
    here = [f for f in findings if f.line - 1 <= last and f.end_line - 1 >= first]
    out: list[Action] = []
    for f in here:
        for make in (quote_nip, did_you_mean):
            action = make(lines, f, lang)
            if action is not None:
                out.append(action)
    out.extend(thousands(lines, first, last, lang, here))
    for f in here:
        action = suppress(lines, f, lang)
        if action is not None:
            out.append(action)
    return out


def apply_edits(text: str, edits: tuple[Edit, ...] | list[Edit]) -> str:
    """The text after the edits (non-overlapping; applied from the end). For tests and tools."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    out = text
    for e in sorted(edits, key=lambda e: (e.line, e.start), reverse=True):
        a = offsets[e.line] + e.start
        b = offsets[e.end_line] + e.end
        out = out[:a] + e.text + out[b:]
    return out
