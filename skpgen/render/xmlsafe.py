"""XML 1.0 text safety: one escaping function for every value written into a document part.

``xml_text(value)`` escapes ``& < > " '`` and refuses characters XML 1.0 forbids (C0 controls other
than tab/newline/carriage return, lone surrogates, U+FFFE/U+FFFF). Lint can reuse
:func:`find_illegal_char` to report such characters with their YAML location before rendering.
"""

from __future__ import annotations

import re

ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})
_NEEDS_WORK = re.compile("[&<>\"'\x00-\x1f\ud800-\udfff\ufffe\uffff]")

# inside a <w:t>: a newline becomes a line break, a tab a tab stop
_W_BR = '</w:t><w:br/><w:t xml:space="preserve">'
_W_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


class IllegalXmlCharError(ValueError):
    """A value contains a character that XML 1.0 does not allow."""

    def __init__(self, value: str, index: int) -> None:
        self.value = value
        self.index = index
        self.char = value[index]
        shown = value if len(value) <= 80 else value[:77] + "..."
        super().__init__(
            f"character U+{ord(self.char):04X} at position {index + 1} is not allowed in XML 1.0: {shown!r}"
        )


def find_illegal_char(text: str) -> int | None:
    """Index of the first character XML 1.0 forbids, or None."""
    m = ILLEGAL_XML_CHARS.search(text)
    return m.start() if m else None


def escape_text(text: str) -> str:
    """Escape for XML text or attribute content; raises IllegalXmlCharError."""
    if not _NEEDS_WORK.search(text):
        return text
    m = ILLEGAL_XML_CHARS.search(text)
    if m:
        raise IllegalXmlCharError(text, m.start())
    return text.translate(_ESCAPES)


def xml_text(value: object) -> str:
    """Render any template value as WordprocessingML run text (inside ``<w:t>``).

    None → "", everything else through ``str()``, escaped; ``\\n`` (and ``\\r\\n``) → ``<w:br/>``,
    ``\\t`` → ``<w:tab/>``.
    """
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if not _NEEDS_WORK.search(text):
        return text
    m = ILLEGAL_XML_CHARS.search(text)
    if m:
        raise IllegalXmlCharError(text, m.start())
    text = text.translate(_ESCAPES)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:
        text = text.replace("\n", _W_BR)
    if "\t" in text:
        text = text.replace("\t", _W_TAB)
    return text
