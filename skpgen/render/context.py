"""Plan + score → the context the form templates read.

Every figure comes from :mod:`skpgen.scoring` (``score_plan`` values, ``explain`` lines, the
predikat functions); this module only formats them for print (Indonesian numbers, rounded half-up
at display). The products printed on the Penilaian Prestasi form (nilai SKP × 60 %, nilai perilaku
× 40 %, the perilaku "Jumlah") and the AK column (AK per unit × kuantitas) are library fields and
functions too (``bagian_skp``, ``bagian_perilaku``, ``jumlah_perilaku``, ``angka_kredit``).

The context holds the plan's own data under its YAML keys (``pegawai.nama``, ``periode.tahun``,
``kegiatan``…; optional top-level keys that are absent are ``None``) plus the names in
:data:`CONTEXT_NAMES`, which the built-in templates use and ``template check`` accepts.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from skpgen.render.chart import GOOD, LOW, BarChart, Series, band_colour, scale_max
from skpgen.render.filters import rupiah, tanggal
from skpgen.scoring import (
    angka_kredit, explain, fmt_number, fmt_plain, predikat_kinerja, predikat_pp46, round_half_up, to_decimal,
)
from skpgen.scoring.core import PREDIKAT_BANDS, PREDIKAT_LOWEST

#: Names the render context adds beside the plan's own keys.
CONTEXT_NAMES = frozenset(
    {
        "form", "identitas", "periode_teks", "ttd", "kegiatan_utama", "kegiatan_lain", "tambahan",
        "kreatif", "skor", "perilaku_pp46", "rhk_utama", "rhk_tambahan", "berakhlak", "lampiran_skp",
        "ev", "riwayat_evaluasi", "perhitungan", "aturan_predikat", "band", "matriks", "grafik",
        "grafik_info", "grafik_chart", "hasil", "ev_periode", "kurva_chart",
    }
)

#: Optional top-level keys of the YAML format; absent ones are None in the context.
PLAN_KEYS = (
    "versi", "aturan", "instansi", "periode", "pegawai", "pejabat_penilai", "atasan_pejabat_penilai",
    "keselarasan", "kegiatan", "perilaku_kerja", "rencana_pelatihan", "jadwal_review", "persetujuan",
    "jurnal", "revisi", "lampiran", "evaluasi",
)

_RATINGS = ("di_atas_ekspektasi", "sesuai_ekspektasi", "di_bawah_ekspektasi")
_UPPER_PERIODE = {"triwulan-1": "TRIWULAN I", "triwulan-2": "TRIWULAN II", "triwulan-3": "TRIWULAN III",
                  "triwulan-4": "TRIWULAN IV", "tahunan": "AKHIR"}


@functools.cache
def labels() -> dict[str, Any]:
    with open(Path(__file__).with_name("form_labels.toml"), "rb") as fh:
        return tomllib.load(fh)


def _txt(key: str, **kw: Any) -> str:
    text = labels()["teks"][key]
    return text.format(**kw) if kw else text


def _m(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _s(value: Any, dash: bool = True) -> str:
    """Display text of a plain value ("-" for missing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return _txt("kosong") if dash else ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, (int, float, Decimal)):
        return fmt_plain(value)
    return str(value)


def _num(value: Any) -> str:
    d = to_decimal(value)
    return fmt_plain(d) if d is not None else _txt("kosong")


def _date(value: Any) -> str:
    if not value:
        return ""
    try:
        return tanggal(value)
    except ValueError:
        return str(value)


def _person(p: Any, with_tmt: bool = False) -> dict[str, str]:
    p = _m(p)
    pangkat = ", ".join(str(x) for x in (p.get("pangkat"), p.get("golongan")) if x)
    pg_tmt = pangkat
    if p.get("tmt"):
        pg_tmt = f"{pangkat}, TMT {_date(p.get('tmt'))}" if pangkat else f"TMT {_date(p.get('tmt'))}"
    return {
        "nama": _s(p.get("nama")),
        "nip": _s(p.get("nip")),
        "pangkat_gol": pangkat or _txt("kosong"),
        "pangkat_gol_tmt": pg_tmt or _txt("kosong"),
        "jabatan": _s(p.get("jabatan")),
        "unit_kerja": _s(p.get("unit_kerja")),
        "ada": bool(p),
    }


def _qty(value: Any, satuan: Any) -> str:
    d = to_decimal(value)
    if d is None:
        return _txt("kosong")
    return f"{fmt_plain(d)} {satuan}".strip() if satuan else fmt_plain(d)


def _money(value: Any) -> str:
    d = to_decimal(value)
    if d is None or d == 0:
        return _txt("kosong")
    return rupiah(d)


def _ak(kegiatan: Mapping[str, Any], kuantitas: Any) -> str:
    if to_decimal(kegiatan.get("angka_kredit")) is None:
        return _txt("kosong")
    ak = angka_kredit(kegiatan.get("angka_kredit"), kuantitas)
    return "" if ak is None else fmt_plain(ak)


def _fig(value: Decimal | None) -> str:
    return fmt_number(value) if value is not None else _txt("kosong")


def _pp46_rows(plan: Mapping[str, Any], kegiatan: list[Mapping[str, Any]], score: Any) -> dict[str, Any]:
    by_index = score.kegiatan  # same order and length as the mapping kegiatan
    rows: dict[str, list[dict[str, Any]]] = {"utama": [], "tambahan": [], "kreatif": []}
    for k, ks in zip(kegiatan, by_index):
        jenis = k.get("jenis") if k.get("jenis") in rows else "utama"
        t, r = _m(k.get("target")), _m(k.get("realisasi"))
        satuan, satuan_w = t.get("satuan"), t.get("satuan_waktu") or "bulan"
        row = {
            "no": str(len(rows[jenis]) + 1),
            "id": _s(k.get("id")),
            "uraian": _s(k.get("uraian")),
            "ak": _ak(k, t.get("kuantitas")),
            "t_kuant": _qty(t.get("kuantitas"), satuan),
            "t_kual": _num(t.get("kualitas")),
            "t_waktu": _qty(t.get("waktu"), satuan_w),
            "t_biaya": _money(t.get("biaya")),
            "r_ak": _ak(k, r.get("kuantitas")) if r else _txt("kosong"),
            "r_kuant": _qty(r.get("kuantitas"), satuan),
            "r_kual": _num(r.get("kualitas")),
            "r_waktu": _qty(r.get("waktu"), satuan_w),
            "r_biaya": _money(r.get("biaya")),
            "perhitungan": _fig(ks.perhitungan),
            "nilai": _fig(ks.nilai_capaian),
            "tingkat": labels()["tingkat"].get(str(k.get("tingkat")), _s(k.get("tingkat"))),
            "bukti": "; ".join(str(b) for b in k.get("bukti") or []) or _txt("kosong"),
            "jenis": str(jenis),
        }
        rows[jenis].append(row)
    return rows


def _perilaku_pp46(plan: Mapping[str, Any], score: Any) -> list[dict[str, str]]:
    raw = _m(plan.get("perilaku_kerja"))
    out = []
    for i, (key, name) in enumerate(labels()["perilaku_pp46"].items(), 1):
        value = score.perilaku.get(key)
        if value is None:
            value = to_decimal(raw.get(key))
        out.append({
            "no": str(i),
            "nama": name,
            "nilai": fmt_number(value) if value is not None else _txt("kosong"),
            "sebutan": f"({predikat_pp46(value)})" if value is not None else "",
        })
    return out


def _rhk_atasan(value: Any, rhk_texts: Mapping[str, str] | None = None) -> str:
    """The intervened RHK as printed: its text when the supervisor's plan is in the batch
    (``rhk_texts``: "NIP#id" → uraian), else the reference, labelled as one."""
    if isinstance(value, str) and "#" in value:
        nip, _, rid = value.partition("#")
        nip, rid = nip.strip(), rid.strip()
        if nip.isdigit():
            text = (rhk_texts or {}).get(f"{nip}#{rid}")
            return text if text else _txt("rhk_atasan_nip", id=rid, nip=nip)
    return _s(value)


def _iki_target(value: Any) -> str:
    if isinstance(value, Mapping):
        return _qty(value.get("nilai"), value.get("satuan"))
    return _s(value)


def _iki_realisasi(item: Mapping[str, Any], iki_score: Any) -> str:
    real = item.get("realisasi")
    if real is None:
        return _txt("kosong")
    tgt = item.get("target")
    satuan = tgt.get("satuan") if isinstance(tgt, Mapping) else None
    text = _qty(real, satuan) if not isinstance(real, str) else real
    if iki_score is not None and iki_score.capaian is not None:
        text += f" ({_txt('capaian_iki', nilai=fmt_number(iki_score.capaian))})"
    return text


def _ukuran(item: Mapping[str, Any]) -> str:
    """The qualitative form's "ukuran keberhasilan / IKI, dan target" cell: the IKI and, on its own
    line, the target described in words (or as a figure with its unit)."""
    if not item:
        return _txt("kosong")
    return _txt("ukuran", iki=_s(item.get("teks")), target=_iki_target(item.get("target")))


def _rhk_rows(kegiatan: list[Mapping[str, Any]], score: Any,
              rhk_texts: Mapping[str, str] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    utama: list[dict[str, Any]] = []
    tambahan: list[dict[str, Any]] = []
    aspek_names = labels()["aspek"]
    perspektif = False
    for k, ks in zip(kegiatan, score.kegiatan):
        target_rows = utama if k.get("jenis") == "utama" else tambahan
        no = str(sum(1 for r in target_rows if r["first"]) + 1)
        items = [i for i in (k.get("indikator") or []) if isinstance(i, Mapping)] or [{}]
        iki_by_index = {i.index: i for i in ks.iki}
        if k.get("perspektif"):
            perspektif = True
        for n, item in enumerate(items):
            target_rows.append({
                "first": n == 0,
                "no": no,
                "rhk_atasan": _rhk_atasan(k.get("rhk_atasan"), rhk_texts),
                "rhk": _s(k.get("uraian")),
                "perspektif": _s(k.get("perspektif")),
                "aspek": aspek_names.get(str(item.get("aspek")), _s(item.get("aspek"))),
                "iki": _s(item.get("teks")),
                "target": _iki_target(item.get("target")),
                "ukuran": _ukuran(item),
                "realisasi": _iki_realisasi(item, iki_by_index.get(n)) if item else _txt("kosong"),
                "umpan_balik": _s(k.get("tindak_lanjut")),
            })
    return utama, tambahan, perspektif


def _berakhlak(plan: Mapping[str, Any]) -> list[dict[str, Any]]:
    raw = _m(plan.get("perilaku_kerja"))
    out = []
    for i, (key, v) in enumerate(labels()["berakhlak"].items(), 1):
        entry = raw.get(key)
        eks = entry.get("ekspektasi_khusus") if isinstance(entry, Mapping) else entry if isinstance(entry, str) else None
        out.append({"no": str(i), "nama": v["nama"], "panduan": "\n".join(f"- {p}" for p in v["panduan"]),
                    "ekspektasi": _s(eks)})
    return out


def _lampiran_skp(plan: Mapping[str, Any]) -> dict[str, list[dict[str, str]]]:
    raw = _m(plan.get("lampiran"))
    out = {}
    for key in ("dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"):
        entries = raw.get(key) or []
        out[key] = [{"no": str(i), "teks": _s(e)} for i, e in enumerate(entries, 1)] if isinstance(entries, list) else []
    return out


def _rating(value: Any) -> str:
    return labels()["rating"].get(str(value), _s(value))


_ORGANISASI = ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
_ORGANISASI_UPPER = {"istimewa": "ISTIMEWA", "baik": "BAIK", "butuh_perbaikan": "BUTUH PERBAIKAN",
                     "kurang": "KURANG", "sangat_kurang": "SANGAT KURANG"}
#: the x-axis of the curve as the 6/2022 Lampiran draws it (left to right)
_KURVA_X = ("sangat_kurang", "kurang", "butuh_perbaikan", "baik", "sangat_baik")
_KURVA_WARNA = {"sangat_kurang": "Sangat Kurang", "kurang": "Kurang", "butuh_perbaikan": "Butuh Perbaikan",
                "baik": "Baik", "sangat_baik": "Sangat Baik"}


def _organisasi_line(org: str | None) -> str:
    """The CAPAIAN KINERJA ORGANISASI line: the printed choice line, or the unit's predikat marked."""
    if org not in _ORGANISASI:
        return _txt("organisasi_pilihan")
    return "   ".join(f"{_txt('organisasi_tanda') if o == org else _txt('organisasi_kosong')} {_ORGANISASI_UPPER[o]}"
                      for o in _ORGANISASI)


def _kurva_chart(unit_name: str, periode: str, hasil: Any) -> BarChart:
    from skpgen.kurva import PREDIKAT_LABEL

    return BarChart(
        title=f"{_txt('judul_kurva')} — {unit_name}, {labels()['periode'].get(periode, periode)}",
        categories=[PREDIKAT_LABEL[p] for p in _KURVA_X],
        series=[Series(_txt("seri_kurva"), [hasil.jumlah[p] for p in _KURVA_X],
                       point_colours=[band_colour(_KURVA_WARNA[p]) for p in _KURVA_X])],
        value_format="0", value_title=_txt("seri_kurva"), show_values=True)


def _pola(periode: str, unit: Any) -> dict[str, Any]:
    """The organisation's predikat and the unit's curve of one period (when the unit is known)."""
    out: dict[str, Any] = {"organisasi": _organisasi_line(None), "pola": _txt("pola_tanpa_unit"), "kurva": [],
                           "kurva_catatan": [], "kurva_ada": False, "chart": None}
    if unit is None:
        return out
    org = unit.predikat_organisasi.get(periode)
    hasil = unit.kurva.get(periode)
    if org is None or hasil is None:
        out["pola"] = _txt("pola_tanpa_predikat_org", unit=unit.unit)
        return out
    from skpgen.kurva import tabel_kurva

    out["organisasi"] = _organisasi_line(org)
    out["pola"] = _txt("pola_unit", organisasi=_ORGANISASI_UPPER[org], unit=unit.unit, n=hasil.n)
    out["kurva"] = [{"aturan": f"{r.predikat_teks}: {r.batas_teks}", "jumlah": str(r.jumlah),
                     "status": _txt("kurva_status_patuh" if r.patuh else "kurva_status_langgar")}
                    for r in hasil.hasil]
    out["kurva_catatan"] = [_txt("kurva_patuh" if hasil.patuh else "kurva_langgar"), *hasil.catatan,
                            tabel_kurva().keterangan()]
    out["kurva_ada"] = True
    out["chart"] = _kurva_chart(unit.unit, periode, hasil)
    return out


def _ak_text(plan: Mapping[str, Any], periode: str, predikat: str | None, has_tahunan: bool) -> str:
    from skpgen.scoring.konversi import angka_kredit_periode, tabel_konversi

    row = angka_kredit_periode(plan, periode, predikat)
    if row is None:
        return ""
    peg = _m(plan.get("pegawai"))
    from skpgen.scoring.konversi import jenjang_dari_jabatan

    jenjang = peg.get("jenjang") if peg.get("jenjang") in tabel_konversi().koefisien else jenjang_dari_jabatan(
        peg.get("jabatan"))
    text = _txt("ak_periode", nilai=fmt_number(row.nilai), persen=fmt_plain(row.persen),
                koefisien=fmt_plain(row.koefisien), bulan=row.bulan,
                jenjang=tabel_konversi().jenjang_nama.get(jenjang or "", ""))
    if has_tahunan and periode != "tahunan":
        text += " " + _txt("ak_bukan_periode")
    return text


def _evaluasi(plan: Mapping[str, Any], score: Any,
              unit: Any = None) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[dict[str, str]]]:
    """(the default period's ev, ev per period present, the history rows). The default period is
    the AKHIR (tahunan) evaluasi, else the last one."""
    raw = [e for e in (plan.get("evaluasi") or []) if isinstance(e, Mapping)] if isinstance(plan.get("evaluasi"), list) else []
    scored = list(score.evaluasi or [])
    history = []
    for e, es in zip(raw, scored):
        history.append({
            "periode": labels()["periode"].get(str(e.get("periode")), _s(e.get("periode"))),
            "tanggal": _date(e.get("tanggal")) or _txt("kosong"),
            "hasil": _rating(e.get("rating_hasil_kerja")),
            "perilaku": _rating(e.get("rating_perilaku")),
            "predikat": es.predikat_kinerja or _txt("kosong"),
            "umpan_balik": _s(e.get("umpan_balik")),
        })
    empty = {"ada": False, "periode": "", "hasil": "", "perilaku": "", "predikat": "", "umpan_balik": "",
             "tanggal": "", "angka_kredit": "", **_pola("", None)}
    if not raw:
        return empty, {}, history
    has_tahunan = any(e.get("periode") == "tahunan" for e in raw)
    per: dict[str, dict[str, Any]] = {}
    for i, e in enumerate(raw):   # a later entry of the same period replaces an earlier one
        es = scored[i] if i < len(scored) else None
        key = str(e.get("periode"))
        per[key] = {
            "ada": True,
            "kode": key,
            "periode": _UPPER_PERIODE.get(key, _s(e.get("periode")).upper()),
            "hasil": _rating(e.get("rating_hasil_kerja")).upper(),
            "perilaku": _rating(e.get("rating_perilaku")).upper(),
            "predikat": (es.predikat_kinerja if es and es.predikat_kinerja else _txt("kosong")).upper(),
            "umpan_balik": _s(e.get("umpan_balik")),
            "tanggal": _date(e.get("tanggal")),
            "angka_kredit": _ak_text(plan, key, es.predikat_kinerja if es else None, has_tahunan),
            **_pola(key, unit),
        }
    default = "tahunan" if has_tahunan else str(raw[-1].get("periode"))
    return per[default], per, history


def evaluasi_periods(plan: Mapping[str, Any]) -> list[str]:
    """The evaluasi periods present, in the order TRIWULAN I–IV, AKHIR."""
    raw = plan.get("evaluasi") if isinstance(plan.get("evaluasi"), list) else []
    present = {str(e.get("periode")) for e in raw if isinstance(e, Mapping)}
    return [p for p in _UPPER_PERIODE if p in present]


@functools.cache
def _bands() -> tuple[dict[str, str], ...]:
    out = []
    prev = None
    for minimum, name in PREDIKAT_BANDS:
        rng = _txt("band_atas", min=fmt_plain(minimum)) if prev is None else _txt("band_antara", min=fmt_plain(minimum), maks=fmt_plain(prev))
        out.append({"rentang": rng, "predikat": name})
        prev = minimum
    out.append({"rentang": _txt("band_bawah", maks=fmt_plain(prev)), "predikat": PREDIKAT_LOWEST})
    return tuple(out)


@functools.cache
def _matrix() -> tuple[dict[str, str], ...]:
    """Rows: rating perilaku; columns: rating hasil kerja (di bawah, sesuai, di atas), from the library."""
    cols = ("di_bawah_ekspektasi", "sesuai_ekspektasi", "di_atas_ekspektasi")
    return tuple({"perilaku": _rating(p), **{f"h{i}": predikat_kinerja(h, p) for i, h in enumerate(cols)}}
                 for p in _RATINGS)


def _chart_pp46(score: Any) -> tuple[list[dict[str, Any]], str, BarChart | None]:
    """Rows of the chart's key table, the axis note and the native chart of nilai capaian per kegiatan."""
    scored = [k for k in score.kegiatan if k.nilai_capaian is not None] if score.has_realisasi else []
    if not scored:
        return [], _txt("belum_realisasi"), None
    top = scale_max([k.nilai_capaian for k in scored])
    rows = []
    for k in scored:
        pred = predikat_pp46(k.nilai_capaian)
        rows.append({"id": _s(k.id), "uraian": _s(k.uraian), "nilai": fmt_number(k.nilai_capaian),
                     "predikat": pred or "", "baik": pred in ("Sangat Baik", "Baik")})
    chart = BarChart(
        title=_txt("judul_grafik"),
        categories=[r["id"] for r in rows],
        series=[Series(_txt("seri_nilai"), [round_half_up(k.nilai_capaian, 2) for k in scored],
                       point_colours=[band_colour(r["predikat"]) for r in rows])],
        axis_max=top, axis_step=20)
    return rows, _txt("skala", maks=top), chart


def _chart_iki(score: Any, kegiatan: list[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], str, BarChart | None]:
    """The same for the capaian of each IKI (6/2022): realisasi / target × 100. Realisations
    described in words (the qualitative approach) have no percentage, and the note says so."""
    pairs = [(kid, i) for kid, i in score.iki if i.capaian is not None]
    if not pairs:
        words = [i for k in kegiatan for i in (k.get("indikator") or [])
                 if isinstance(i, Mapping) and isinstance(i.get("realisasi"), str) and i["realisasi"].strip()]
        return [], _txt("realisasi_kualitatif" if words else "belum_realisasi"), None
    top = scale_max([i.capaian for _, i in pairs])
    rows = [{"id": f"{kid}.{i.index + 1}", "uraian": _s(i.teks), "nilai": fmt_number(i.capaian) + "%",
             "predikat": "", "baik": i.capaian >= 100}
            for kid, i in pairs]
    chart = BarChart(
        title=_txt("judul_grafik_iki"),
        categories=[r["id"] for r in rows],
        series=[Series(_txt("seri_capaian"), [round_half_up(i.capaian, 2) for _, i in pairs],
                       point_colours=[GOOD if r["baik"] else LOW for r in rows])],
        axis_max=top, axis_step=20)
    return rows, _txt("skala_iki", maks=top), chart


def build_context(plan: Mapping[str, Any], score: Any, unit: Any = None,
                  rhk_texts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The full context for every form of ``plan`` (build once per plan; forms share it).

    ``unit`` (a :class:`skpgen.kurva.KurvaUnit`, when the plan's unit is known) marks the
    organisation's predikat and draws the unit's curve on the Evaluasi forms. ``rhk_texts``:
    "NIP#id" → RHK text of the supervisors' plans rendered in the same batch (same year), so that
    6/2022 forms print the intervened RHK's text instead of its reference."""
    ctx: dict[str, Any] = {key: None for key in PLAN_KEYS}
    ctx.update(plan)
    periode = _m(plan.get("periode"))
    persetujuan = _m(plan.get("persetujuan"))
    kegiatan = [k for k in plan.get("kegiatan") or [] if isinstance(k, Mapping)] if isinstance(plan.get("kegiatan"), list) else []
    is_2022 = plan.get("aturan") == "permenpanrb-6-2022"

    mulai, selesai = _date(periode.get("mulai")), _date(periode.get("selesai"))
    ctx["periode_teks"] = f"{mulai} s.d. {selesai}" if mulai and selesai else _s(periode.get("tahun"))
    ctx["identitas"] = {
        "dinilai": _person(plan.get("pegawai")),
        "penilai": _person(plan.get("pejabat_penilai")),
        "atasan": _person(plan.get("atasan_pejabat_penilai")),
    }
    ctx["ttd"] = {
        "tempat": _s(persetujuan.get("tempat"), dash=False) or _txt("titik"),
        "tanggal_rencana": _date(persetujuan.get("ditandatangani") or periode.get("mulai")),
        "tanggal_penilaian": _date(periode.get("selesai")),
    }

    lines = explain(score, "id")
    # the band / matrix rule has its own section (aturan_predikat), so it is not repeated here
    ctx["perhitungan"] = [{"teks": str(line), "judul": line.level == 0} for line in lines if line.topic != "aturan"]
    ctx["band"] = _bands()
    ctx["matriks"] = _matrix()

    if is_2022:
        utama, tambahan, perspektif = _rhk_rows(kegiatan, score, rhk_texts)
        ctx["rhk_utama"], ctx["rhk_tambahan"] = utama, tambahan
        ctx["berakhlak"] = _berakhlak(plan)
        ctx["lampiran_skp"] = _lampiran_skp(plan)
        ctx["ev"], ctx["ev_periode"], ctx["riwayat_evaluasi"] = _evaluasi(plan, score, unit)
        ctx["kurva_chart"] = ctx["ev"]["chart"]
        ctx["grafik"], ctx["grafik_info"], ctx["grafik_chart"] = _chart_iki(score, kegiatan)
        texts = [i.get("target") for k in kegiatan for i in (k.get("indikator") or []) if isinstance(i, Mapping)]
        qualitative = bool(texts) and all(isinstance(x, str) for x in texts)
        ctx["hasil"] = {
            "pendekatan": _txt("pendekatan_kualitatif" if qualitative else "pendekatan_kuantitatif"),
            "kualitatif": qualitative,
            "bagi": _txt("bagi_jpt" if perspektif else "bagi_ja_jf"),
            "kolom5": _txt("kolom_perspektif" if perspektif else "kolom_aspek"),
            "perspektif": perspektif,
        }
        ctx["aturan_predikat"] = labels_rule("matrix_rule")
        ctx["skor"] = {"ada_realisasi": score.has_realisasi, "predikat": score.predikat or _txt("kosong")}
        for name in ("kegiatan_utama", "kegiatan_lain", "tambahan", "kreatif", "perilaku_pp46"):
            ctx[name] = []
        return ctx

    rows = _pp46_rows(plan, kegiatan, score)
    ctx["kegiatan_utama"] = rows["utama"]
    ctx["tambahan"] = rows["tambahan"]
    ctx["kreatif"] = rows["kreatif"]
    ctx["kegiatan_lain"] = rows["tambahan"] + rows["kreatif"]
    ctx["perilaku_pp46"] = _perilaku_pp46(plan, score)
    ctx["grafik"], ctx["grafik_info"], ctx["grafik_chart"] = _chart_pp46(score)
    ctx["aturan_predikat"] = labels_rule("band_rule")
    skp, perilaku, npk = score.nilai_skp, score.nilai_perilaku, score.nilai_prestasi_kerja
    ctx["skor"] = {
        "ada_realisasi": score.has_realisasi,
        "tugas_tambahan": str(score.tugas_tambahan) if score.has_realisasi else _txt("kosong"),
        "kreativitas": str(score.kreativitas) if score.has_realisasi else _txt("kosong"),
        "rata_rata_utama": _fig(score.rata_rata_utama),
        "nilai_skp": _fig(skp),
        "predikat_skp": score.predikat_skp or _txt("kosong"),
        "nilai_skp_sebutan": f"{fmt_number(skp)} ({score.predikat_skp})" if skp is not None else _txt("kosong"),
        "skp_60": fmt_number(score.bagian_skp) if score.bagian_skp is not None else _txt("kosong"),
        "jumlah_perilaku": fmt_number(score.jumlah_perilaku) if score.jumlah_perilaku is not None else _txt("kosong"),
        "nilai_perilaku": _fig(perilaku),
        "predikat_perilaku": f"({predikat_pp46(perilaku)})" if perilaku is not None else "",
        "perilaku_40": fmt_number(score.bagian_perilaku) if score.bagian_perilaku is not None else _txt("kosong"),
        "nilai_prestasi_kerja": _fig(npk),
        "predikat": f"({score.predikat})" if score.predikat else "",
    }
    for name in ("rhk_utama", "rhk_tambahan", "berakhlak", "riwayat_evaluasi"):
        ctx[name] = []
    ctx["lampiran_skp"] = {"dukungan_sumber_daya": [], "skema_pertanggungjawaban": [], "konsekuensi": []}
    ctx["ev"] = {"ada": False}
    ctx["ev_periode"] = {}
    ctx["kurva_chart"] = None
    ctx["hasil"] = {}
    return ctx


def labels_rule(key: str) -> str:
    from skpgen.scoring.explain import label

    return label(key, "id")


def with_form(ctx: dict[str, Any], name: str, title: str, periode: str | None = None) -> dict[str, Any]:
    """The plan's context plus the ``form`` entry of one form (a shallow copy; the plan part is shared);
    with ``periode``, the evaluasi of that period (the Evaluasi form of each period)."""
    out = dict(ctx)
    if periode is not None and periode in (ctx.get("ev_periode") or {}):
        out["ev"] = ctx["ev_periode"][periode]
        out["kurva_chart"] = out["ev"]["chart"]
    peg = ctx["identitas"]["dinilai"]
    out["form"] = {"name": name, "judul": title, "judul_besar": title.upper(),
                   "kaki": _txt("kaki", judul=title, nama=peg["nama"], nip=peg["nip"])}
    return out
