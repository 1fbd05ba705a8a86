"""Monitoring status of a plan on a given day (SPEC §7 ``skpgen status``; guide §6c, §9).

Definitions (documented for users in ``skpgen status --help``):

* The *reported* status of a kegiatan is the one of its latest ``pemantauan`` entry by ``tanggal``
  among the entries dated on or before the reference day (``--today``); later entries are not
  counted, so a past day can be replayed. Without such an entry it has no status ("belum
  dipantau").
* A recorded realisation means the work is done: a kegiatan whose ``realisasi.tanggal_selesai``
  is on or before the day (and after its latest monitoring entry) counts as ``selesai``; so does
  one with a realisation but no ``tanggal_selesai`` and no monitoring entry up to the day, unless
  monitoring entries after the day show that a past day is being replayed (then only once the
  period is over).
* The *deadline* is ``target.tenggat``, else the end of the period (``periode.selesai``).
* A kegiatan is *late* (TERLAMBAT) when its reported status is ``terlambat``, or when its deadline
  is before the reference day and it is not ``selesai``.
* Reviews (``jadwal_review``): those before the day are past; the first one on or after the day is
  the next one, and it is *due* when it falls within 14 days (0 = today).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("belum-mulai", "on-track", "terlambat", "selesai")
REVIEW_DUE_DAYS = 14


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


@dataclass(slots=True)
class KegiatanStatus:
    id: str | None
    uraian: str | None
    jenis: str | None
    status: str | None          # reported status (or "selesai" from realisasi), None: not reported
    progres: float | int | None
    tanggal: str | None         # date of the entry the status comes from
    hambatan: str | None
    tindak_lanjut: str | None
    tenggat: str | None
    tenggat_sumber: str | None  # "target" | "periode" | None
    terlambat: bool
    hari_lewat: int | None      # days past the deadline when not selesai (> 0), else None
    entri_diabaikan: int = 0    # entries dated after the reference day

    @property
    def effective_status(self) -> str | None:
        """The status to show and count: ``terlambat`` when late, else the reported one."""
        return "terlambat" if self.terlambat else self.status

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "uraian": self.uraian, "jenis": self.jenis, "status": self.status,
            "status_efektif": self.effective_status, "progres": self.progres,
            "tanggal_pemantauan": self.tanggal, "hambatan": self.hambatan,
            "tindak_lanjut": self.tindak_lanjut, "tenggat": self.tenggat,
            "tenggat_sumber": self.tenggat_sumber, "terlambat": self.terlambat,
            "hari_lewat_tenggat": self.hari_lewat,
        }


@dataclass(slots=True)
class ReviewStatus:
    lalu: list[str] = field(default_factory=list)
    berikutnya: str | None = None
    hari_lagi: int | None = None
    jatuh_tempo: bool = False
    terjadwal: bool = False  # jadwal_review present and non-empty

    def to_json(self) -> dict[str, Any]:
        return {"lalu": self.lalu, "berikutnya": self.berikutnya, "hari_lagi": self.hari_lagi,
                "jatuh_tempo": self.jatuh_tempo}


@dataclass(slots=True)
class PlanStatus:
    file: str
    today: dt.date
    nama: str | None
    nip: str | None
    unit_kerja: str | None
    tahun: int | None
    aturan: str | None
    kegiatan: list[KegiatanStatus]
    review: ReviewStatus

    @property
    def late(self) -> list[KegiatanStatus]:
        return [k for k in self.kegiatan if k.terlambat]

    def counts(self) -> dict[str, int]:
        """Number of kegiatan per effective status (``None`` key: not reported)."""
        out: dict[str, int] = {s: 0 for s in STATUSES}
        out["belum-dipantau"] = 0
        for k in self.kegiatan:
            out[k.effective_status or "belum-dipantau"] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "tanggal_acuan": self.today.isoformat(), "aturan": self.aturan,
            "nama": self.nama, "nip": self.nip, "unit_kerja": self.unit_kerja, "tahun": self.tahun,
            "kegiatan": [k.to_json() for k in self.kegiatan],
            "jumlah": self.counts(), "jumlah_terlambat": len(self.late),
            "review": self.review.to_json(),
        }


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    return str(value)


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def _has_realisation(k: dict[str, Any]) -> bool:
    realisasi = k.get("realisasi")
    if isinstance(realisasi, dict) and any(_number(realisasi.get(a)) for a in ("kuantitas", "kualitas", "waktu")):
        return True
    return any(isinstance(i, dict) and i.get("realisasi") not in (None, "") for i in k.get("indikator") or [])


def kegiatan_status(k: dict[str, Any], today: dt.date, period_end: dt.date | None) -> KegiatanStatus:
    entries = []
    ignored = 0
    for order, entry in enumerate(k.get("pemantauan") or []):
        if not isinstance(entry, dict):
            continue
        day = parse_date(entry.get("tanggal"))
        if day is None:
            continue
        if day > today:
            ignored += 1
            continue
        entries.append((day, order, entry))
    latest = max(entries, key=lambda e: (e[0], e[1]))[2] if entries else None

    status = progres = tanggal = hambatan = tindak = None
    if latest is not None:
        status = latest.get("status") if latest.get("status") in STATUSES else None
        progres = _number(latest.get("progres"))
        tanggal = _text(latest.get("tanggal"))
        hambatan = _text(latest.get("hambatan"))
        tindak = _text(latest.get("tindak_lanjut"))
    realisasi = k.get("realisasi") if isinstance(k.get("realisasi"), dict) else {}
    done = parse_date(realisasi.get("tanggal_selesai"))
    latest_day = parse_date(latest.get("tanggal")) if latest is not None else None
    if done is not None and done <= today and status != "selesai" and (latest_day is None or latest_day <= done):
        status, tanggal = "selesai", done.isoformat()
    elif done is None and latest is None and _has_realisation(k) and (
            ignored == 0 or (period_end is not None and period_end < today)):
        # a recorded realisation without its date is finished work, unless the day is replayed
        # from a file whose later monitoring shows it was not finished yet
        status = "selesai"

    target = k.get("target") if isinstance(k.get("target"), dict) else {}
    deadline = parse_date(target.get("tenggat"))
    source = "target" if deadline else None
    if deadline is None and period_end is not None:
        deadline, source = period_end, "periode"

    overdue = deadline is not None and deadline < today and status != "selesai"
    late = status == "terlambat" or overdue
    return KegiatanStatus(
        id=_text(k.get("id")), uraian=_text(k.get("uraian")), jenis=_text(k.get("jenis")),
        status=status, progres=progres, tanggal=tanggal, hambatan=hambatan, tindak_lanjut=tindak,
        tenggat=deadline.isoformat() if deadline else None, tenggat_sumber=source,
        terlambat=late, hari_lewat=(today - deadline).days if overdue and deadline else None,
        entri_diabaikan=ignored,
    )


def review_status(jadwal: Any, today: dt.date) -> ReviewStatus:
    days = sorted({d for d in (parse_date(v) for v in (jadwal or [])) if d is not None}) \
        if isinstance(jadwal, list) else []
    out = ReviewStatus(terjadwal=bool(days))
    out.lalu = [d.isoformat() for d in days if d < today]
    upcoming = [d for d in days if d >= today]
    if upcoming:
        nxt = upcoming[0]
        out.berikutnya = nxt.isoformat()
        out.hari_lagi = (nxt - today).days
        out.jatuh_tempo = out.hari_lagi <= REVIEW_DUE_DAYS
    return out


def plan_status(data: dict[str, Any], file: str, today: dt.date) -> PlanStatus:
    pegawai = data.get("pegawai") if isinstance(data.get("pegawai"), dict) else {}
    periode = data.get("periode") if isinstance(data.get("periode"), dict) else {}
    tahun = periode.get("tahun")
    items = data.get("kegiatan") if isinstance(data.get("kegiatan"), list) else []
    period_end = parse_date(periode.get("selesai"))
    return PlanStatus(
        file=file, today=today, nama=_text(pegawai.get("nama")), nip=_text(pegawai.get("nip")),
        unit_kerja=_text(pegawai.get("unit_kerja")),
        tahun=tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None,
        aturan=_text(data.get("aturan")),
        kegiatan=[kegiatan_status(k, today, period_end) for k in items if isinstance(k, dict)],
        review=review_status(data.get("jadwal_review"), today),
    )


# ---- text output --------------------------------------------------------------------------------

def _clip(text: str | None, width: int) -> str:
    if not text:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _progres(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:g}%"
    return f"{int(value)}%"


def status_word(code: str | None, lang: str) -> str:
    """The word shown for a status code (``None``: not reported), the one vocabulary of
    ``skpgen status`` and the dashboard: ``on-track`` → "sesuai jadwal", ``None`` → "belum dipantau"."""
    from skpgen.year.text import msg

    if code is None or code == "belum-dipantau":
        return msg("status.none", lang)
    return msg(f"status.word.{code}", lang) if code in STATUSES else code


def status_cell(k: KegiatanStatus, lang: str) -> str:
    from skpgen.year.text import msg

    if k.terlambat:
        if k.status in (None, "terlambat"):
            return msg("status.late", lang)
        return msg("status.late_reported", lang, status=status_word(k.status, lang))
    return status_word(k.status, lang)


def tenggat_cell(k: KegiatanStatus, lang: str) -> str:
    from skpgen.year.text import msg

    if not k.tenggat:
        return "-"
    if k.hari_lewat:
        return msg("status.overdue_days", lang, tenggat=k.tenggat, days=k.hari_lewat)
    return k.tenggat


def table_rows(plan: PlanStatus, lang: str, clip: bool = True) -> list[list[str]]:
    def c(text: str | None, width: int) -> str:
        return _clip(text, width) if clip else (text or "-")

    return [[k.id or "-", c(k.uraian, 48), status_cell(k, lang), _progres(k.progres),
             tenggat_cell(k, lang), c(k.hambatan, 36), c(k.tindak_lanjut, 36)]
            for k in plan.kegiatan]


def headers(lang: str) -> list[str]:
    from skpgen.year.text import msg

    return [msg(f"col.{c}", lang) for c in
            ("id", "kegiatan", "status", "progres", "tenggat", "hambatan", "tindak_lanjut")]


def header_line(plan: PlanStatus, lang: str) -> str:
    from skpgen.year.text import msg

    return msg("status.header", lang, file=plan.file, nama=plan.nama or "-", nip=plan.nip or "-",
               unit=plan.unit_kerja or "-", tahun=plan.tahun if plan.tahun is not None else "-",
               today=plan.today.isoformat())


def footer_lines(plan: PlanStatus, lang: str) -> list[str]:
    from skpgen.year.text import msg

    counts = plan.counts()
    parts = [f"{n} {status_word(name, lang)}" for name, n in counts.items() if n]
    lines = [msg("status.summary", lang, n=len(plan.kegiatan), counts=", ".join(parts) or "0",
                 late=len(plan.late))]
    ignored = sum(k.entri_diabaikan for k in plan.kegiatan)
    if ignored:
        lines.append(msg("status.future_ignored", lang, n=ignored, today=plan.today.isoformat()))
    r = plan.review
    if not r.terjadwal:
        lines.append(msg("status.review_missing", lang))
    else:
        if r.lalu:
            lines.append(msg("status.review_past", lang, dates=", ".join(r.lalu)))
        if r.berikutnya is None:
            lines.append(msg("status.review_none_left", lang))
        elif r.hari_lagi == 0:
            lines.append(msg("status.review_today", lang, date=r.berikutnya))
        elif r.jatuh_tempo:
            lines.append(msg("status.review_due", lang, date=r.berikutnya, days=r.hari_lagi))
        else:
            lines.append(msg("status.review_next", lang, date=r.berikutnya, days=r.hari_lagi))
    return lines


def format_plain_table(head: list[str], rows: list[list[str]]) -> list[str]:
    """Columns aligned with two spaces; the last column is not padded."""
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    out = []
    for row in [head, *rows]:
        cells = [cell.ljust(widths[i]) if i < len(row) - 1 else cell for i, cell in enumerate(row)]
        out.append("  ".join(cells).rstrip())
    return out


def format_text(plans: list[PlanStatus], lang: str) -> str:
    from skpgen.year.text import msg

    out: list[str] = []
    for plan in plans:
        if out:
            out.append("")
        out.append(header_line(plan, lang))
        if plan.kegiatan:
            out.extend(format_plain_table(headers(lang), table_rows(plan, lang)))
        else:
            out.append(msg("status.no_kegiatan", lang))
        out.extend(footer_lines(plan, lang))
    if len(plans) > 1:
        out.append("")
        out.append(msg("status.total", lang, plans=len(plans), n=sum(len(p.kegiatan) for p in plans),
                       late=sum(len(p.late) for p in plans)))
    return "\n".join(out) + ("\n" if out else "")


def print_rich(plans: list[PlanStatus], lang: str) -> None:
    """The same content as :func:`format_text`, as rich tables for a terminal."""
    from rich.console import Console
    from rich.table import Table

    from skpgen.year.text import msg

    console = Console(highlight=False)
    for i, plan in enumerate(plans):
        if i:
            console.print()
        console.print(header_line(plan, lang), style="bold", markup=False)
        if not plan.kegiatan:
            console.print(msg("status.no_kegiatan", lang))
        else:
            table = Table(show_lines=False)
            for h in headers(lang):
                table.add_column(h, overflow="fold")
            for k, row in zip(plan.kegiatan, table_rows(plan, lang, clip=False)):
                style = "red" if k.terlambat else ("green" if k.status == "selesai" else None)
                table.add_row(*row, style=style)
            console.print(table)
        for line in footer_lines(plan, lang):
            console.print(line, markup=False)
    if len(plans) > 1:
        console.print()
        console.print(msg("status.total", lang, plans=len(plans), n=sum(len(p.kegiatan) for p in plans),
                          late=sum(len(p.late) for p in plans)), markup=False)
