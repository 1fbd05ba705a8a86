"""Lint-only output formats: SARIF 2.1.0, GitHub workflow annotations, JUnit XML; and --redact."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from skpgen import __version__
from skpgen.findings import SEVERITY_RANK, Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS_URL = "https://github.com/skpgen/skpgen/blob/main/docs/rules.md"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def rule_help_uri(code: str, name: str) -> str:
    return f"{DOCS_URL}#{code.lower()}-{name}"


def _uri(file: str) -> str:
    p = Path(file)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.as_uri()
    return PurePosixPath(*p.parts).as_posix() if p.parts else file


def format_sarif(findings: Sequence[Finding]) -> str:
    from skpgen.i18n import code_name
    from skpgen.rules import RULES, doc_sections

    used = sorted({f.code for f in findings})
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for code in sorted(set(RULES) | set(used)):
        mod = RULES.get(code)
        if mod is not None:
            summary, sections = doc_sections(mod)
            full = sections.get("Apa yang diperiksa", summary)
            name = mod.NAME
            level = _SARIF_LEVEL[mod.SEVERITY]
        else:  # E0xx from the loader/validator
            name = code_name(code)
            summary = full = name
            level = "error"
        index[code] = len(rules)
        rules.append({
            "id": code, "name": name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": full},
            "helpUri": rule_help_uri(code, name),
            "defaultConfiguration": {"level": level},
        })
    results = []
    for f in findings:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                  "endColumn": max(f.end_column, f.column + 1) if f.end_line == f.line else f.end_column}
        result: dict[str, Any] = {
            "ruleId": f.code, "ruleIndex": index[f.code], "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.file)}, "region": region}}],
        }
        if f.kegiatan:
            result["properties"] = {"kegiatan": f.kegiatan}
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "skpgen", "version": __version__, "informationUri": DOCS_URL,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(findings: Sequence[Finding]) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in findings:
        props = (f"file={_gh_escape(_uri(f.file), True)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={_gh_escape(f'{f.code} {f.name}', True)}")
        out.append(f"::{level[f.severity]} {props}::{_gh_escape(f'{f.code} {f.message}')}\n")
    return "".join(out)


def format_junit(findings: Sequence[Finding], files: Iterable[str]) -> str:
    """One testsuite; one testcase per file (a failure per finding), clean files pass."""
    from xml.sax.saxutils import escape, quoteattr  # here: it imports urllib (~40 ms start-up)

    by_file: dict[str, list[Finding]] = {f: [] for f in files}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    n_fail = sum(1 for fs in by_file.values() if fs)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuites name="skpgen lint" tests="{len(by_file)}" failures="{n_fail}" errors="0">',
             f'  <testsuite name="skpgen lint" tests="{len(by_file)}" failures="{n_fail}" errors="0" skipped="0">']
    for file in sorted(by_file):
        fs = by_file[file]
        lines.append(f'    <testcase classname="skpgen.lint" name={quoteattr(file)}>')
        for f in fs:
            msg = f"{f.code} [{f.severity}] {f.message}"
            body = f"{f.file}:{f.line}:{f.column}: {msg}"
            lines.append(f'      <failure type={quoteattr(f.code)} message={quoteattr(_xml_safe(msg))}>'
                         f'{escape(_xml_safe(body))}</failure>')
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _XML_BAD.sub("\ufffd", text)


# ---- --redact ------------------------------------------------------------------------------------

_NIP = re.compile(r"(?<!\d)(\d{4})\d{14}(?!\d)")


def collect_names(data: Any) -> set[str]:
    """Person names in a plan (pegawai, pejabat_penilai, atasan_pejabat_penilai)."""
    names: set[str] = set()
    if isinstance(data, dict):
        for key in ("pegawai", "pejabat_penilai", "atasan_pejabat_penilai"):
            person = data.get(key)
            if isinstance(person, dict) and isinstance(person.get("nama"), str) and person["nama"].strip():
                names.add(person["nama"].strip())
                bare = person["nama"].split(",")[0].strip()  # without academic titles
                if len(bare) >= 3:
                    names.add(bare)
    return names


class Redactor:
    def __init__(self, names: Iterable[str]):
        ordered = sorted({n for n in names if n}, key=len, reverse=True)
        self._names = re.compile("|".join(re.escape(n) for n in ordered)) if ordered else None

    def __call__(self, text: str) -> str:
        text = _NIP.sub(lambda m: m.group(1) + "*" * 14, text)
        if self._names is not None:
            text = self._names.sub("[nama]", text)
        return text


def redacted(findings: Iterator[Finding], reader: Callable[[str], list[str] | None], names: Iterable[str],
             ) -> tuple[Iterator[Finding], Callable[[str], list[str] | None]]:
    """``--redact``: the findings with masked messages, and a source reader with masked lines."""
    red = Redactor(names)

    def masked() -> Iterator[Finding]:
        for f in findings:
            f.message = red(f.message)
            yield f

    def read(file: str) -> list[str] | None:
        lines = reader(file)
        return [red(line) for line in lines] if lines is not None else None

    return masked(), read


class Tally:
    """Counts the findings while they stream past (for the summary and the exit code)."""

    def __init__(self, findings: Iterable[Finding]):
        self._it = findings
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.files = 0
        self.worst = -1
        self._last: str | None = None

    @classmethod
    def restored(cls, state: tuple[dict[str, int], int, int]) -> "Tally":
        """A tally of findings counted in an earlier run (see :meth:`state`)."""
        tally = cls(())
        counts, tally.files, tally.worst = state
        tally.counts = dict(counts)
        return tally

    def state(self) -> tuple[dict[str, int], int, int]:
        return dict(self.counts), self.files, self.worst

    def __iter__(self) -> Iterator[Finding]:
        for f in self._it:
            self.counts[f.severity] += 1
            self.worst = max(self.worst, SEVERITY_RANK[f.severity])
            if f.file != self._last:
                self.files += 1
                self._last = f.file
            yield f


def write_findings(fmt: str, findings: Iterable[Finding], files: list[str],
                   reader: Callable[[str], list[str] | None], write: Callable[[str], object],
                   colour: bool = False) -> None:
    """Write sorted findings in ``fmt``. json, concise, github and full are written as they come
    (memory flat in the number of files); sarif and junit need the whole list."""
    from skpgen.report import JsonArrayStream, format_concise, format_full

    if fmt == "json":
        stream = JsonArrayStream(write)
        stream.add(findings)
        stream.close()
        return
    if fmt == "sarif":
        write(format_sarif(list(findings)))
        return
    if fmt == "junit":
        write(format_junit(list(findings), files))
        return
    one: Callable[[Sequence[Finding]], str]
    if fmt == "github":
        one = format_github
    elif fmt == "concise":
        one = format_concise
    else:
        def one(group: Sequence[Finding]) -> str:
            return format_full(group, reader, colour=colour)

    full = fmt not in ("github", "concise")
    group: list[Finding] = []
    first = True
    for f in findings:
        # full: one group per file (a blank line between files); the others: any 500 findings
        if group and (f.file != group[0].file or (not full and len(group) >= 500)):
            write(("\n" if full and not first else "") + one(group))
            first = False
            group = []
        group.append(f)
    if group:
        write(("\n" if full and not first else "") + one(group))
