"""Small helpers shared by the rule modules (data access that tolerates any shape)."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from skpgen.lint.vocab import tokens

GOLONGAN = ["I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
            "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]
_GOL_RE = re.compile(r"^\s*(IV|III|II|I)\s*/\s*([a-e])\s*$", re.IGNORECASE)


def golongan_rank(value: Any) -> int | None:
    """I/a = 0 … IV/e = 16; None when not a PNS golongan (PPPK grades, empty)."""
    if not isinstance(value, str):
        return None
    m = _GOL_RE.match(value)
    if not m:
        return None
    key = f"{m.group(1).upper()}/{m.group(2).lower()}"
    return GOLONGAN.index(key) if key in GOLONGAN else None


def is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def parse_date(value: Any) -> _dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def months(value: float, satuan: Any) -> float:
    """A waktu value in months (satuan_waktu: hari | minggu | bulan | tahun; default bulan)."""
    factor = {"hari": 1 / 30.4375, "minggu": 7 / 30.4375, "bulan": 1.0, "tahun": 12.0}.get(
        str(satuan or "bulan"), 1.0)
    return value * factor


def period_months(data: dict[str, Any]) -> float | None:
    per = data.get("periode")
    if not isinstance(per, dict):
        return None
    a, b = parse_date(per.get("mulai")), parse_date(per.get("selesai"))
    if not a or not b or b < a:
        return None
    return ((b - a).days + 1) / 30.4375


def first_word(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    toks = tokens(text)
    return toks[0] if toks else None


def has_bukti(k: dict[str, Any]) -> bool:
    bukti = k.get("bukti")
    if isinstance(bukti, str):
        return bool(bukti.strip())
    if isinstance(bukti, list):
        return any((isinstance(b, str) and b.strip()) or (isinstance(b, dict) and any(v not in (None, "")
                                                                                     for v in b.values()))
                   for b in bukti)
    return False


def label(k: dict[str, Any], i: int) -> str:
    kid = k.get("id")
    return str(kid) if kid is not None else f"#{i + 1}"


def texts_of_kegiatan(k: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """(relative path, text) of the uraian and every indikator teks of a kegiatan."""
    out: list[tuple[tuple[str | int, ...], str]] = []
    if isinstance(k.get("uraian"), str):
        out.append((("uraian",), k["uraian"]))
    ind = k.get("indikator")
    if isinstance(ind, list):
        for j, item in enumerate(ind):
            if isinstance(item, dict) and isinstance(item.get("teks"), str):
                out.append((("indikator", j, "teks"), item["teks"]))
    return out


_QUANTITY = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)?(?![\w-])")


def has_quantity(text: str) -> bool:
    """A stated count ("24 jam pelajaran", "di 12 kecamatan"); codes like "P3K" are not counts."""
    return bool(_QUANTITY.search(text))


def named_output(vocab: Any, k: dict[str, Any]) -> str | None:
    """The concrete output a kegiatan names in its uraian or an indicator ("laporan", "berita acara")."""
    for _, text in texts_of_kegiatan(k):
        found = vocab.concrete_output(text)
        if found:
            return found
    return None


def plain(value: Any) -> str:
    """A number as printed in messages: no exponent, no trailing zeros (12, 1,5, 1.000.000)."""
    from skpgen.scoring import fmt_plain

    try:
        return fmt_plain(value)
    except Exception:  # noqa: BLE001 - odd values are shown as written
        return str(value)


def percent_above(value: float, base: float) -> str:
    """How many percent ``value`` is above ``base`` (> 0), as text; absurd ratios are capped."""
    import math

    ratio = (value - base) / base * 100
    if not math.isfinite(ratio) or ratio >= 1e6:
        return "> 999.999"
    return plain(round(ratio))
