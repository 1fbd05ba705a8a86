r"""Karakter kendali yang dilarang XML 1.0 di dalam teks.

## Apa yang diperiksa
Setiap teks (nilai dan kunci) bebas dari karakter yang dilarang XML 1.0: kendali C0 selain tab,
baris baru dan carriage return, surrogate tunggal, U+FFFE dan U+FFFF. Karakter itu biasanya masuk
lewat escape YAML ("\x01", "\u000B") atau salin-tempel dari aplikasi lain.

## Mengapa
Formulir Word adalah XML: karakter itu tidak pernah ditulis ke dokumen. Karena itu temuan ini
adalah kesalahan validasi: `validate`, `lint`, `score` dan `render` sama-sama menolak SKP yang
memuatnya, dengan letak karakternya. Temuan ini tidak dapat dibungkam dengan komentar.

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

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.i18n import CORE

CODE = "E090"
NAME = "karakter-terlarang-xml"
FAMILY = "E"
SEVERITY = "error"
OPTIONS: dict = {}


def __getattr__(name: str) -> dict[str, str]:
    """``MESSAGE``: the one text of E090, kept in skpgen/locale/messages.toml and read from there
    when asked for (a lint run of clean plans never parses that catalogue)."""
    if name == "MESSAGE":
        return {lang: CORE.get(CODE)[lang] for lang in ("id", "en")}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check(ctx) -> Iterator[Finding]:
    # Produced by validation (skpgen.trust.xml_char_findings), so that validate, lint, score and
    # render all refuse such a plan alike (render cannot write the character).
    return iter(())
