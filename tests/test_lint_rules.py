"""The rule registry and every rule's documented examples, executed (bad → finding, good → none)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skpgen.lint.config import Config
from skpgen.lint.engine import Settings, finish_batch, lint_document
from skpgen.loader import load_text
from skpgen.rules import (
    CODE_RE, NAME_RE, RULES, SECTIONS, RegistryError, build_registry, doc_examples, doc_sections, get,
)

CORPUS = Path(__file__).resolve().parent / "lint_corpus"
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


def _blocks(text: str) -> dict[str, str]:
    """Top-level key → its block of lines (the key line and the indented lines after it)."""
    out: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        m = _TOP_KEY.match(line)
        if m:
            current = m.group(1)
            out[current] = line + "\n"
        elif current is not None and (line.startswith((" ", "-")) or not line.strip()):
            out[current] += line + "\n"
    return out


def merge_example(snippet: str) -> str:
    """The snippet's top-level keys over a clean base plan (pp46 or 6/2022 by the snippet's aturan)."""
    base_name = "base-6-2022.skp.yaml" if "permenpanrb-6-2022" in snippet else "base-pp46.skp.yaml"
    base = _blocks((CORPUS / base_name).read_text(encoding="utf-8"))
    own = set(_TOP_KEY.findall(snippet))
    rest = "".join(block for key, block in base.items() if key not in own)
    return snippet.rstrip("\n") + "\n" + rest


def lint_example(snippet: str, previous: str | None = None, config: Config | None = None,
                 file: str = "contoh.skp.yaml", atasan: str | None = None, unit: str | None = None) -> list:
    """Lint a snippet merged over the base plan; ``atasan``: the supervisor's plan, linted in the
    same run (cross-file rules); ``previous``: the plan given with --previous; ``unit``: a unit
    file in the same folder (the unit rules; its findings are returned too)."""
    settings = Settings(config=config or Config(), lang="id")
    unit_file = "unit.unit.yaml"
    if unit is not None:
        from skpgen.lint.engine import lint_unit_document

        unit_findings = lint_unit_document(load_text(unit, unit_file), settings)
        assert unit_findings == [], [f.message for f in unit_findings]
    if previous is not None:
        prev_doc = load_text(merge_example(previous), "sebelumnya.skp.yaml")

        class _Prev:
            errors: list[str] = []

            def for_document(self, doc):
                return [prev_doc]

        settings.previous = _Prev()
    if atasan is not None:
        other = lint_document(load_text(merge_example(atasan), "atasan.skp.yaml"), settings)
        assert not [f for f in other if f.code.startswith("E0")], [f.message for f in other]
    doc = load_text(merge_example(snippet), file)
    findings = lint_document(doc, settings) + [f for f in finish_batch(settings) if f.file in (file, unit_file)]
    assert not settings.crashes, settings.crashes
    return findings


def _cases():
    for code, mod in RULES.items():
        _, sections = doc_sections(mod)
        for kind in ("Contoh buruk", "Contoh baik"):
            blocks = doc_examples(sections.get(kind, ""))
            previous = next((c for info, c in blocks if info == "yaml previous"), None)
            # "yaml atasan" / "yaml lain": another plan linted in the same run (cross-file rules)
            atasan = next((c for info, c in blocks if info in ("yaml atasan", "yaml lain")), None)
            unit = next((c for info, c in blocks if info == "yaml unit"), None)  # a *.unit.yaml beside it
            for info, code_text in blocks:
                if info == "yaml":
                    yield pytest.param(code, kind, code_text, previous, atasan, unit, id=f"{code}-{kind.split()[-1]}")


# ---- registry -----------------------------------------------------------------------------------

def test_registry_codes_names_and_families() -> None:
    assert len(RULES) >= 45
    families = {code[0] for code in RULES}
    assert families == set("SMARTPEU")
    for code, mod in RULES.items():
        assert CODE_RE.match(code), code
        assert NAME_RE.match(mod.NAME), mod.NAME
        assert mod.FAMILY == code[0]
        assert mod.SEVERITY in ("error", "warning", "info")
        assert set(mod.MESSAGE) == {"id", "en"}
        for variant in getattr(mod, "MESSAGES", {}).values():
            assert set(variant) == {"id", "en"}
        assert len({m.NAME for m in RULES.values()}) == len(RULES)


def test_registry_refuses_duplicates() -> None:
    mod = RULES["S101"]
    with pytest.raises(RegistryError, match="duplicate rule code S101"):
        build_registry((mod, mod))


def test_registry_refuses_bad_code() -> None:
    import types

    bad = types.SimpleNamespace(__name__="x", CODE="SKP101", NAME="x", FAMILY="S", SEVERITY="warning")
    with pytest.raises(RegistryError, match="does not match"):
        build_registry((bad,))  # type: ignore[arg-type]


def test_get_by_code_or_name() -> None:
    assert get("s101") is RULES["S101"]
    assert get("kata-kerja-operasional") is RULES["S101"]
    assert get("kata-kerja-aktif") is RULES["S101"]  # SPEC §9's name for it
    assert get("X999") is None


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_documents_the_fixed_sections(code: str) -> None:
    summary, sections = doc_sections(RULES[code])
    assert summary and summary.endswith(".")
    assert list(sections) == list(SECTIONS), code
    for title in SECTIONS:
        assert sections[title].strip(), f"{code}: empty section {title}"
    assert [i for i, _ in doc_examples(sections["Contoh buruk"]) if i == "yaml"], f"{code}: no bad example"
    assert [i for i, _ in doc_examples(sections["Contoh baik"]) if i == "yaml"], f"{code}: no good example"
    for name in RULES[code].OPTIONS:
        assert f"`{name}`" in sections["Opsi"], f"{code}: option {name} undocumented"


@pytest.mark.parametrize("code,kind,snippet,previous,atasan,unit", list(_cases()))
def test_documented_example(code: str, kind: str, snippet: str, previous: str | None, atasan: str | None,
                            unit: str | None) -> None:
    findings = lint_example(snippet, previous, atasan=atasan, unit=unit)
    schema = [f for f in findings if f.code.startswith("E0") and f.code < "E090"]
    assert not schema, f"{code} {kind}: the example is not a valid plan: {[f.message for f in schema]}"
    codes = [f.code for f in findings]
    if kind == "Contoh buruk":
        assert code in codes, f"{code}: bad example not flagged; got {codes}"
        hit = next(f for f in findings if f.code == code)
        assert hit.name == RULES[code].NAME and hit.line >= 1 and hit.message
    else:
        assert code not in codes, f"{code}: good example flagged: {[f.message for f in findings if f.code == code]}"


def test_bases_are_clean() -> None:
    for name in ("base-pp46.skp.yaml", "base-6-2022.skp.yaml"):
        text = (CORPUS / name).read_text(encoding="utf-8")
        findings = lint_document(load_text(text, name), Settings(Config()))
        assert findings == [], [(f.code, f.message) for f in findings]


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    from skpgen.commands.lint import rules_page

    page = (CORPUS.parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_page("id"), "docs/rules.md is stale: run skpgen rules --format markdown > docs/rules.md"
    for code, mod in RULES.items():
        assert f"## {code} {mod.NAME}" in page


def test_every_rule_has_an_english_summary() -> None:
    from skpgen.rules import _summaries_en, summary

    en = _summaries_en()
    assert set(en) == set(RULES)
    assert summary(RULES["S101"], "en").startswith("A PP 46/2011 activity starts with an operational")
    assert summary(RULES["S101"], "id") == doc_sections(RULES["S101"])[0]
