"""``skpgen score``: nilai capaian, nilai SKP and predikat per plan (SPEC §4, §9).

All figures come from :mod:`skpgen.scoring`; this module only loads, validates and prints.
Text is for people (Indonesian numbers "90,33", rounded half-up for display); ``json`` (SPEC §9)
and ``csv`` carry the unrounded figures.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, Mapping

import click

from skpgen.commands._common import format_option, iter_yaml_files, lang_option, paths_argument, resolve_lang
from skpgen.findings import Finding
from skpgen.isolation import run_per_file
from skpgen.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from skpgen.scoring import ASPEK, PlanScore, explain, fmt_number, fmt_plain, score_plan
from skpgen.scoring.explain import label, rating_word
from skpgen.scoring.konversi import tabel_konversi
from skpgen.scoring.model import json_number

CSV_COLUMNS = (
    "file", "aturan", "nip", "nama", "id", "jenis", "uraian",
    "kuantitas", "kualitas", "waktu", "biaya", "perhitungan", "nilai_capaian",
    "tugas_tambahan", "kreativitas", "nilai_skp", "predikat_skp",
    "nilai_perilaku", "nilai_prestasi_kerja", "predikat",
)
_UNCUT = 44  # width of the kegiatan column in the text table


# ------------------------------------------------------------------------------ loading

def _scored_files(paths: tuple[Path, ...], lang: str, max_bytes: int, max_depth: int,
                  state: dict[str, Any]) -> Iterator[tuple[str, Mapping[str, Any], PlanScore]]:
    """Yield (display name, plan data, score) for each file that loads and validates.

    Problems go to stderr as located messages; ``state`` collects what decides the exit code."""
    from skpgen.pipeline import load_and_validate
    from skpgen.report import format_concise, sort_findings

    dir_errors: list[str] = []
    for target in iter_yaml_files(paths, lang, dir_errors):
        state["files"] += 1
        doc, findings, failed = load_and_validate(target.path, target.display, lang, max_bytes, max_depth)
        errors = [f for f in findings if f.severity == "error"]
        if failed or doc is None:
            state["load_failed"] = True
            state["bad"] += 1
            click.echo(format_concise(sort_findings(findings)), err=True, nl=False)
            continue
        if errors:
            state["schema_errors"] = True
            state["bad"] += 1
            click.echo(format_concise(sort_findings(errors)), err=True, nl=False)
            click.echo(label("cli_skipped", lang, file=target.display), err=True)
            continue
        data = doc.data if isinstance(doc.data, Mapping) else {}
        plan_score, problem = run_per_file(target.display, lang, score_plan, data)
        if problem is not None or plan_score is None:
            _internal(problem, state)
            continue
        yield target.display, data, plan_score
    for message in dir_errors:
        state["load_failed"] = True
        click.echo(f"skpgen: {message}", err=True)


def _internal(problem: Finding | None, state: dict[str, Any]) -> None:
    """An isolated failure of one file (E099) on stderr; the batch goes on and exits 2."""
    from skpgen.report import format_concise

    state["load_failed"] = True
    state["bad"] += 1
    if problem is not None:
        click.echo(format_concise([problem]), err=True, nl=False)


# ------------------------------------------------------------------------------ text

def _num(value: Decimal | None) -> str:
    return "-" if value is None else fmt_number(value)


def _cut(text: str | None, width: int = _UNCUT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(header: list[str], rows: list[list[str]], right_from: int) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        out = [c.rjust(w) if i >= right_from else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(out).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def _target_text(plan_kegiatan: Mapping[str, Any]) -> list[str]:
    t = plan_kegiatan.get("target")
    t = t if isinstance(t, Mapping) else {}

    def num(key: str) -> str:
        v = t.get(key)
        return fmt_plain(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else "-"

    kuantitas = num("kuantitas")
    if kuantitas != "-" and t.get("satuan"):
        kuantitas += f" {t['satuan']}"
    waktu = num("waktu")
    if waktu != "-":
        waktu += f" {t.get('satuan_waktu') or 'bulan'}"
    biaya = num("biaya")
    if biaya not in ("-", "0"):
        biaya = f"Rp {biaya}"
    return [kuantitas, num("kualitas"), waktu, biaya]


def _head(file: str, data: Mapping[str, Any], score: PlanScore, lang: str) -> list[str]:
    peg = data.get("pegawai") if isinstance(data.get("pegawai"), Mapping) else {}
    per = data.get("periode") if isinstance(data.get("periode"), Mapping) else {}
    return [file, label("cli_plan_head", lang, nama=peg.get("nama") or "?", nip=peg.get("nip") or "?",
                        jabatan=peg.get("jabatan") or "?", aturan=score.aturan or "?",
                        tahun=per.get("tahun") or "?")]


def _cols(lang: str, *keys: str) -> list[str]:
    return [label(f"cli_col_{k}", lang) for k in keys]


def _text_pp46(data: Mapping[str, Any], score: PlanScore, lang: str) -> list[str]:
    raw = data.get("kegiatan")
    plan_kegiatan = [k for k in raw if isinstance(k, Mapping)] if isinstance(raw, list) else []
    out: list[str] = []
    if not score.has_realisasi:
        out.append(label("cli_targets", lang))
        header = _cols(lang, "id", "jenis", "kegiatan", "kuantitas", "kualitas", "waktu", "biaya")
        rows = [[str(k.get("id") or "?"), str(k.get("jenis") or "?"), _cut(k.get("uraian")), *_target_text(k)]
                for k in plan_kegiatan]
        out += _table(header, rows, right_from=3)
        out.append(label("cli_no_score", lang))
        out.append(label("cli_tambahan", lang, value=score.tugas_tambahan, count=score.jumlah_tambahan_berbukti))
        out.append(label("cli_kreativitas", lang, value=score.kreativitas))
        if score.nilai_perilaku is not None:
            out.append(label("cli_nilai_perilaku", lang, value=fmt_number(score.nilai_perilaku)))
        return out
    header = _cols(lang, "id", "jenis", "kegiatan", "kuantitas", "kualitas", "waktu", "biaya", "perhitungan", "nilai")
    rows = []
    for k in score.kegiatan:
        aspects = [_num(a.value if a is not None else None) for a in (k.aspek.get(n) for n in ASPEK)]
        rows.append([k.id or "?", k.jenis or "?", _cut(k.uraian), *aspects, _num(k.perhitungan), _num(k.nilai_capaian)])
    out += _table(header, rows, right_from=3)
    out.append(label("cli_tambahan", lang, value=score.tugas_tambahan, count=score.jumlah_tambahan_berbukti))
    out.append(label("cli_kreativitas", lang, value=score.kreativitas))
    out.append(label("cli_nilai_skp", lang, value=_num(score.nilai_skp), predikat=score.predikat_skp or "-"))
    if score.nilai_perilaku is not None:
        out.append(label("cli_nilai_perilaku", lang, value=fmt_number(score.nilai_perilaku)))
    if score.nilai_prestasi_kerja is not None:
        out.append(label("cli_npk", lang, value=fmt_number(score.nilai_prestasi_kerja), predikat=score.predikat))
    return out


def _text_6_2022(score: PlanScore, lang: str) -> list[str]:
    out: list[str] = []
    header = _cols(lang, "id", "jenis", "kegiatan", "iki", "capaian")
    rows = []
    for k in score.kegiatan:
        capaian = [fmt_number(i.capaian) for i in k.iki if i.capaian is not None]
        rows.append([k.id or "?", k.jenis or "?", _cut(k.uraian), str(len(k.iki)), "; ".join(capaian) or "-"])
    out += _table(header, rows, right_from=3)
    if score.evaluasi:
        out.append(label("cli_evaluasi_head", lang))
        for e in score.evaluasi:
            out.append(label("cli_evaluasi", lang, periode=e.periode or "?", hasil=rating_word(e.rating_hasil_kerja, lang),
                             perilaku=rating_word(e.rating_perilaku, lang), predikat=e.predikat_kinerja or "-"))
        if score.predikat:
            out.append(label("cli_predikat_tahunan", lang, predikat=score.predikat))
    else:
        out.append(label("cli_no_evaluasi", lang))
    ak = score.angka_kredit
    if ak is not None and ak.alasan not in ("bukan_6_2022", "bukan_jf"):
        if ak.total is not None:
            out.append(label("cli_angka_kredit", lang, value=fmt_number(ak.total),
                             jenjang=tabel_konversi().jenjang_nama[ak.jenjang], koefisien=fmt_plain(ak.koefisien)))
        else:
            out.append(label("cli_angka_kredit_none", lang, alasan=label(f"ak_{ak.alasan}", lang)))
    return out


def format_text(file: str, data: Mapping[str, Any], score: PlanScore, lang: str, with_explain: bool) -> str:
    lines = _head(file, data, score, lang)
    lines += _text_6_2022(score, lang) if score.is_6_2022 else _text_pp46(data, score, lang)
    if with_explain:
        detail = explain(score, lang)
        if detail and (score.has_realisasi or score.is_6_2022):
            lines.append(label("cli_rincian", lang))
            lines += [("  " if x.level == 0 else "    ") + str(x) for x in detail]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------ csv

def _csv_text(value: Any) -> str:
    """Text cell, one line; a leading = + - @ is quoted so spreadsheets never run it as a formula."""
    text = " ".join(str(value or "").split())
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _csv_num(value: Decimal | None) -> str:
    number = json_number(value)
    return "" if number is None else repr(number)


def csv_rows(file: str, data: Mapping[str, Any], score: PlanScore) -> list[dict[str, str]]:
    peg = data.get("pegawai") if isinstance(data.get("pegawai"), Mapping) else {}
    plan_cols = {
        "file": _csv_text(file), "aturan": score.aturan or "", "nip": _csv_text(peg.get("nip")),
        "nama": _csv_text(peg.get("nama")),
        "tugas_tambahan": "" if score.tugas_tambahan is None else str(score.tugas_tambahan),
        "kreativitas": "" if score.kreativitas is None else str(score.kreativitas),
        "nilai_skp": _csv_num(score.nilai_skp), "predikat_skp": score.predikat_skp or "",
        "nilai_perilaku": _csv_num(score.nilai_perilaku),
        "nilai_prestasi_kerja": _csv_num(score.nilai_prestasi_kerja), "predikat": score.predikat or "",
    }
    rows = []
    for k in score.kegiatan or [None]:
        row = {c: "" for c in CSV_COLUMNS} | plan_cols
        if k is not None:
            row |= {"id": _csv_text(k.id), "jenis": k.jenis or "", "uraian": _csv_text(k.uraian),
                    "perhitungan": _csv_num(k.perhitungan), "nilai_capaian": _csv_num(k.nilai_capaian)}
            for name in ASPEK:
                a = k.aspek.get(name)
                row[name] = _csv_num(a.value if a is not None else None)
        rows.append(row)
    return rows


def _json_item(file: str, score: PlanScore) -> str:
    # allow_nan=False: a figure that is not a JSON number fails this file, never the array
    return json.dumps(score.to_json(file), ensure_ascii=False, allow_nan=False)


# ------------------------------------------------------------------------------ command

@click.command()
@paths_argument
@format_option(["text", "json", "csv"], "text")
@click.option("--explain", "with_explain", is_flag=True,
              help="Tampilkan rumus, cabang dan angka tiap aspek. / Show formula, branch and numbers.")
@lang_option
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Batas ukuran berkas (byte). / File size limit.")
@click.option("--max-depth", type=click.IntRange(1), default=DEFAULT_MAX_DEPTH, show_default=True,
              help="Batas kedalaman bersarang. / Nesting depth limit.")
def score(paths: tuple[Path, ...], fmt: str, with_explain: bool, lang: str | None, max_bytes: int,
          max_depth: int) -> None:
    """Hitung nilai capaian SKP, nilai prestasi kerja dan predikat (file atau folder).

    Format: text (tabel per SKP), json (SPEC §9, satu array), csv (satu baris per kegiatan).
    Kode keluar: 0 semua dinilai; 1 ada berkas dengan kesalahan skema (tidak dinilai);
    2 berkas tak terbaca/tak terurai atau argumen salah.
    """
    lang = resolve_lang(lang)
    state: dict[str, Any] = {"files": 0, "bad": 0, "load_failed": False, "schema_errors": False}
    scored = _scored_files(paths, lang, max_bytes, max_depth, state)
    n = 0
    # each file's output is made in full before any of it is printed, so a file that fails
    # (E099 on stderr) leaves no half record and the JSON array / CSV stay well-formed
    if fmt == "json":
        click.echo("[", nl=False)
        for file, _data, s in scored:
            item, problem = run_per_file(file, lang, _json_item, file, s)
            if item is None:
                _internal(problem, state)
                continue
            click.echo(("," if n else "") + "\n" + item, nl=False)
            n += 1
        click.echo("\n]" if n else "]")
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        click.echo(buf.getvalue(), nl=False)
        for file, data, s in scored:
            rows, problem = run_per_file(file, lang, csv_rows, file, data, s)
            if rows is None:
                _internal(problem, state)
                continue
            buf.seek(0)
            buf.truncate()
            writer.writerows(rows)
            click.echo(buf.getvalue(), nl=False)
            n += 1
    else:
        for file, data, s in scored:
            text, problem = run_per_file(file, lang, format_text, file, data, s, lang, with_explain)
            if text is None:
                _internal(problem, state)
                continue
            click.echo(("\n" if n else "") + text, nl=False)
            n += 1
        if state["bad"]:
            click.echo(label("cli_summary_bad", lang, n=n, bad=state["bad"]), err=True)
        elif n > 1:
            click.echo(label("cli_summary", lang, n=n), err=True)
    if state["load_failed"]:
        sys.exit(2)
    sys.exit(1 if state["schema_errors"] else 0)
