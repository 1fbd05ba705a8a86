r"""Karakter kendali yang dilarang XML 1.0 di dalam teks.

## Apa yang diperiksa
Setiap teks (nilai dan kunci) bebas dari karakter yang dilarang XML 1.0: kendali C0 selain tab,
baris baru dan carriage return, surrogate tunggal, U+FFFE dan U+FFFF. Karakter itu biasanya masuk
lewat escape YAML ("\x01", "\u000B") atau salin-tempel dari aplikasi lain.

## Mengapa
Formulir Word adalah XML: karakter itu tidak pernah ditulis ke dokumen (skpgen menolak merender
nilai yang memuatnya). Temuan ini menunjukkan letaknya sebelum render. Temuan ini tidak dapat
dibungkam dengan komentar.

## Contoh buruk
```yaml
instansi: "Pemerintah Kota\x0bContoh"
```

## Contoh baik
```yaml
instansi: "Pemerintah Kota Contoh"
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "E090"
NAME = "karakter-terlarang-xml"
FAMILY = "E"
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Teks memuat karakter U+{cp:04X} yang dilarang XML 1.0 (posisi {pos}); hapus karakter itu, formulir tidak dapat memuatnya.",
    "en": "The text contains character U+{cp:04X}, which XML 1.0 forbids (position {pos}); remove it, the forms cannot hold it.",
}
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _walk(node, path):
    if node.kind == "scalar":
        yield path, node, False
    elif node.kind == "map":
        for key, child in node.value.items():
            yield path + (key,), node.keys[key], True
            yield from _walk(child, path + (key,))
    elif node.kind == "seq":
        for i, child in enumerate(node.value):
            yield from _walk(child, path + (i,))


def check(ctx) -> Iterator[Finding]:
    if not ILLEGAL.search(ctx.doc.text) and "\\" not in ctx.doc.text:
        return  # characters written as YAML escapes appear only after parsing
    for path, node, is_key in _walk(ctx.doc.root, ()):
        text = node.value if isinstance(node.value, str) else node.text
        if not isinstance(text, str):
            continue
        m = ILLEGAL.search(text)
        if m:
            yield ctx.report(path, key=is_key, cp=ord(m.group(0)), pos=m.start() + 1)
