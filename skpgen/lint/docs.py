"""A rule's documentation as Markdown (``skpgen rules CODE`` and the language server's hover)."""

from __future__ import annotations

from types import ModuleType


def rule_markdown(mod: ModuleType, lang: str = "id") -> str:
    from skpgen.lint.context import lt
    from skpgen.rules import SECTIONS, doc_sections

    summary, sections = doc_sections(mod)
    head = (f"## {mod.CODE} {mod.NAME}\n\n{summary}\n\n"
            f"Keluarga: {lt('family.' + mod.FAMILY, lang)} · tingkat bawaan: `{mod.SEVERITY}`")
    body = [f"### {title}\n\n{sections.get(title, '')}" for title in SECTIONS]
    return head + "\n\n" + "\n\n".join(body)
