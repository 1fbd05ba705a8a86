"""Inline suppression comments with a required reason (SPEC §5).

``# skpgen: ignore[S101] -- alasan``  on the offending line (trailing comment) or on a comment-only
line directly above it; ``# skpgen: file-ignore[P601, P602] -- alasan`` anywhere in the file.
Codes may be full codes or prefixes (``ignore[S1]``). A directive without a reason or with an
unknown code is reported (E092) but still applies; a directive that suppresses nothing is
reported (E091).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from skpgen.findings import Finding

_DIRECTIVE = re.compile(r"#\s*skpgen\s*:\s*(?P<kind>ignore|file-ignore)\s*\[(?P<codes>[^\]]*)\]"
                        r"(?P<rest>.*)$", re.IGNORECASE)
_REASON = re.compile(r"^\s*(?:--|—|–)\s*(?P<reason>\S.*)$")


@dataclass
class Directive:
    line: int          # 1-based line of the comment
    column: int        # 1-based column of '#'
    end_column: int
    kind: str          # "ignore" | "file-ignore"
    codes: list[str]
    reason: str | None
    applies_to: int | None  # the line an "ignore" covers
    used: set[str] = field(default_factory=set)

    def covers(self, code: str) -> str | None:
        for c in self.codes:
            if code.startswith(c):
                return c
        return None


def _comment_start(line: str) -> int | None:
    """Index of the '#' that starts a comment (outside quotes), or None."""
    quote: str | None = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
            elif ch == "\\" and quote == '"':
                continue
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t:[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return None


def parse_directives(lines: list[str]) -> list[Directive]:
    out: list[Directive] = []
    n = len(lines)
    for idx, text in enumerate(lines):
        if "skpgen" not in text.lower():
            continue
        start = _comment_start(text)
        if start is None:
            continue
        m = _DIRECTIVE.match(text[start:])
        if not m:
            continue
        codes = [c.strip().upper() for c in m.group("codes").split(",") if c.strip()]
        rm = _REASON.match(m.group("rest"))
        reason = rm.group("reason").strip() if rm else None
        kind = m.group("kind").lower()
        applies: int | None = None
        if kind == "ignore":
            if text[:start].strip():
                applies = idx + 1
            else:  # comment-only line: the next line that is not blank or a comment
                j = idx + 1
                while j < n and (not lines[j].strip() or lines[j].lstrip().startswith("#")):
                    j += 1
                applies = j + 1 if j < n else None
        out.append(Directive(line=idx + 1, column=start + 1, end_column=len(text.rstrip()) + 1, kind=kind,
                             codes=codes, reason=reason, applies_to=applies))
    return out


def apply(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """Drop the findings covered by a directive, marking the directives that were used."""
    if not directives:
        return findings
    kept = []
    file_level = [d for d in directives if d.kind == "file-ignore"]
    by_line: dict[int, list[Directive]] = {}
    for d in directives:
        if d.kind == "ignore" and d.applies_to is not None:
            by_line.setdefault(d.applies_to, []).append(d)
    for f in findings:
        if f.code.startswith("E0") and f.code <= "E090":
            kept.append(f)  # input and schema errors cannot be suppressed
            continue
        hit = None
        for d in by_line.get(f.line, []) + file_level:
            c = d.covers(f.code)
            if c is not None:
                d.used.add(c)
                hit = d
                break
        if hit is None:
            kept.append(f)
    return kept
