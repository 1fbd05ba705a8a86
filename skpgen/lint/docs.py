"""A rule's documentation as Markdown (``skpgen rules CODE`` and the language server's hover)."""

from __future__ import annotations

from types import ModuleType


def rule_markdown(mod: ModuleType, lang: str = "id") -> str:
    from skpgen.lint.context import lt
    from skpgen.rules import SECTIONS, doc_sections

    summary, sections = doc_sections(mod)
    if lang == "en":
        from skpgen.rules import english_sections

        summary, sections = english_sections(mod)
    head = (f"## {mod.CODE} {mod.NAME}\n\n{summary}\n\n"
            + lt("rules.doc_head", lang, family=lt('family.' + mod.FAMILY, lang), severity=mod.SEVERITY))
    body = [f"### {lt('rules.section.' + str(i), lang) if lang == 'en' else title}\n\n{sections.get(title, '')}"
            for i, title in enumerate(SECTIONS)]
    return head + "\n\n" + "\n\n".join(body)
