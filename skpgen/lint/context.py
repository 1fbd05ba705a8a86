"""What a rule sees: the document, the regime, its options, the vocabulary, a lazy score."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from skpgen.i18n import Catalogue
from skpgen.findings import Finding, Severity, kegiatan_id_for

if TYPE_CHECKING:  # the loader (and YAML) is imported only where files are parsed
    from skpgen.lint.vocab import Vocab
    from skpgen.loader import Document

PP46 = "pp46-2011"
R6_2022 = "permenpanrb-6-2022"

_LINT_MESSAGES = Path(__file__).resolve().parent / "messages.toml"


_LINT = Catalogue(_LINT_MESSAGES)


def lt(key: str, lang: str = "id", /, **kw: Any) -> str:
    """A message of the lint engine catalogue (``skpgen/lint/messages.toml``)."""
    return _LINT.t(key, lang, **kw)


def rule_message(rule: ModuleType, lang: str, variant: str | None = None, **kw: Any) -> str:
    table = rule.MESSAGE if variant is None else rule.MESSAGES[variant]
    text = table.get(lang) or table["id"]
    try:
        return text.format(**kw)
    except (KeyError, IndexError, ValueError):
        return text


class Context:
    """Per (document, rule) view. Rules read ``ctx.data`` and report with :meth:`report`."""

    def __init__(self, doc: Document, shared: "DocShared", rule: ModuleType, options: dict[str, Any],
                 severity: Severity, lang: str, vocab: Vocab):
        self.doc = doc
        self.file = doc.file
        self.data: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
        self.shared = shared
        self.rule = rule
        self.options = options
        self.severity = severity
        self.lang = lang
        self.vocab = vocab

    # ---- facts ----------------------------------------------------------------------------------
    @property
    def regime(self) -> str:
        return str(self.data.get("aturan") or PP46)

    @property
    def is_6_2022(self) -> bool:
        return self.regime == R6_2022

    @property
    def score(self) -> Any:
        """The scoring library's PlanScore of this document, computed once per document."""
        return self.shared.score()

    @property
    def previous(self) -> list[Any]:
        """Earlier plans of the same employee (``--previous``), newest first: objects with
        ``file`` and ``data`` (see :class:`skpgen.lint.engine.PreviousPlan`)."""
        return self.shared.previous()

    def kegiatan(self) -> Iterator[tuple[int, dict[str, Any]]]:
        items = self.data.get("kegiatan")
        if isinstance(items, list):
            for i, k in enumerate(items):
                if isinstance(k, dict):
                    yield i, k

    def uraian(self) -> Iterator[tuple[int, dict[str, Any], str, tuple[str, ...]]]:
        """(index, kegiatan, uraian, lower-case words) of every kegiatan with a non-empty uraian."""
        from skpgen.lint.vocab import tokens

        for i, k in self.kegiatan():
            text = k.get("uraian")
            if isinstance(text, str) and (toks := tokens(text)):
                yield i, k, text, toks

    def get(self, *path: str | int) -> Any:
        value: Any = self.data
        for part in path:
            if isinstance(part, int):
                value = value[part] if isinstance(value, list) and 0 <= part < len(value) else None
            else:
                value = value.get(part) if isinstance(value, dict) else None
            if value is None:
                return None
        return value

    # ---- reporting ------------------------------------------------------------------------------
    def report(self, path: tuple[str | int, ...], *, key: bool = False, variant: str | None = None,
               severity: Severity | None = None, **kw: Any) -> Finding:
        node = self.doc.key_node_at(path) if key else self.doc.node_at(path)
        return Finding(file=self.file, line=node.line, column=node.col, end_line=node.end_line,
                       end_column=node.end_col, code=self.rule.CODE, name=self.rule.NAME,
                       severity=severity or self.severity,
                       message=rule_message(self.rule, self.lang, variant, **kw),
                       kegiatan=kegiatan_id_for(self.data, path), path=path)


class DocShared:
    """Facts computed at most once per document and shared by all rules."""

    def __init__(self, doc: Document, previous_index: Any = None):
        self.doc = doc
        self._score: Any = None
        self._scored = False
        self._previous_index = previous_index
        self._previous: list[Any] | None = None
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, factory: Any) -> Any:
        """``factory()`` computed once per document under ``key`` (facts several rules share)."""
        if key not in self._memo:
            self._memo[key] = factory()
        return self._memo[key]

    def score(self) -> Any:
        if not self._scored:
            from skpgen.scoring import score_plan

            self._score = score_plan(self.doc.data if isinstance(self.doc.data, dict) else {})
            self._scored = True
        return self._score

    def previous(self) -> list[Any]:
        if self._previous is None:
            self._previous = self._previous_index.for_document(self.doc) if self._previous_index else []
        return self._previous
