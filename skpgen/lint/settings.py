"""What one lint run works with: configuration, language, vocabulary, the --previous plans, and
the cross-file rules' states collected on the way (filled by :mod:`skpgen.lint.engine`).

Its own small module: a repeated lint of an untouched tree needs the settings (the cache key is
made from them) but never the engine, the rules or the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from skpgen.lint.config import Config
    from skpgen.lint.vocab import Vocab


class VocabError(Exception):
    """The vocabulary folder (``--vocab`` / ``vocab:``) cannot be read."""


@dataclass
class Settings:
    config: Config
    lang: str = "id"
    vocab: Vocab | None = None
    previous: Any = None  # skpgen.lint.engine.PreviousIndex
    crashes: list[str] = field(default_factory=list)
    # cross-file rules (BATCH = True): per-document states and the directives of their files
    batch: dict[str, list[Any]] = field(default_factory=dict)
    batch_directives: dict[str, list[Any]] = field(default_factory=dict)

    def get_vocab(self) -> Vocab:
        """The word lists (built-in and ``vocab`` of the configuration), loaded on first use."""
        if self.vocab is None:
            from skpgen.lint.vocab import load_vocab

            self.vocab = load_vocab(self.config.vocab)
        return self.vocab


__all__ = ["Settings", "VocabError"]
