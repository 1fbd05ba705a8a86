"""Is a word a real Indonesian word, and what is its root? The check behind S114 (typing slips).

The built-in affix code (vocab.py) knows the words of the lists, not the language: it cannot tell
"membuang" (a real verb) from "membuat" misspelt. PySastrawi (a maintained Indonesian stemmer with
a root dictionary of ~30.000 words) can: a word whose stem is a known root is a real word, unless
that root is the root of the listed verb it resembles ("mengelompokan" is "mengelompokkan"
misspelt). docs/accuracy.md compares both on the corpus; Sastrawi is used when installed, and
``SKPGEN_MORFOLOGI=afiks`` switches it off. The dictionary (~0,4 s) is loaded only when a word
near a listed verb first needs checking; every answer is cached.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache


@cache
def _sastrawi():  # type: ignore[no-untyped-def]
    """(stemmer, root dictionary), or None when PySastrawi is missing or switched off."""
    if os.environ.get("SKPGEN_MORFOLOGI", "sastrawi") == "afiks":
        return None
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ImportError:
        return None
    factory = StemmerFactory()
    return factory.create_stemmer(), frozenset(factory.get_words())


def backend() -> str:
    return "sastrawi" if _sastrawi() else "afiks"


@lru_cache(maxsize=16384)
def root_of(word: str) -> str | None:
    """The dictionary root of ``word`` ("membuang" → "buang"), or None when it has none (or no
    dictionary is available)."""
    s = _sastrawi()
    if s is None:
        return None
    stemmer, roots = s
    w = word.lower()
    if w in roots:
        return w
    root = stemmer.stem(w)
    return root if root != w and root in roots else None


def is_slip(word: str, intended: str) -> bool:
    """``word`` resembles the listed ``intended`` verb: is it a slip or another real word?"""
    root = root_of(word)
    return root is None or root == root_of(intended)
