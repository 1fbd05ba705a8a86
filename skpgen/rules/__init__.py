"""The explicit rule registry (yamllint style: no plugin discovery, no import magic).

Each rule is one module with ``CODE``, ``NAME`` (kebab-case), ``FAMILY``, ``SEVERITY``, ``OPTIONS``
(defaults) with ``CONF`` (each option's type and range) and optionally ``VALIDATE`` (relations
between options; see :mod:`skpgen.rules._options`), ``MESSAGE`` (``{"id": …, "en": …}``, optionally ``MESSAGES`` for variants), a
docstring with the fixed sections (Apa yang diperiksa / Mengapa / Contoh buruk / Contoh baik /
Opsi) and ``check(ctx) -> Iterator[Finding]``. Registering the same code or name twice is an error
at import time.
"""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType

from skpgen.rules import (
    a301_target_di_atas_historis,
    a302_realisasi_jauh_di_atas_target,
    a303_waktu_melebihi_periode,
    e090_karakter_terlarang_xml,
    e091_penekanan_tidak_terpakai,
    e092_penekanan_tidak_sah,
    m201_kuantitas_tanpa_satuan,
    m202_indikator_tanpa_ukuran,
    m203_kualitas_target_100,
    m205_iki_tanpa_target,
    m206_iki_tanpa_aspek,
    m207_satuan_tidak_baku,
    p601_jumlah_kegiatan_utama,
    p602_tambahan_tanpa_bukti,
    p603_kreatif_tanpa_bukti_tingkat,
    p604_biaya_bukan_pengelola_anggaran,
    p605_angka_kredit_bukan_jft,
    p606_kepemimpinan_jenis_jabatan,
    p607_penilai_sama_dengan_dinilai,
    p608_dinilai_melebihi_penilai,
    p609_tanpa_pembahasan_atasan,
    p610_tanpa_review_triwulan,
    p611_kurang_tanpa_tindak_lanjut,
    p612_selesai_terlalu_cepat,
    p613_nilai_skp_rendah,
    p614_salin_tahun_lalu,
    p615_revisi_menghapus_kegiatan,
    p616_lampiran_6_2022,
    p617_berakhlak_tidak_lengkap,
    p618_biaya_melebihi_target,
    p619_kegiatan_tidak_dilaksanakan,
    p620_revisi_tanpa_persetujuan,
    p621_hambatan_tanpa_tindak_lanjut,
    p622_ditandatangani_sebelum_dibahas,
    p623_periode_tumpang_tindih,
    p624_teks_terlalu_panjang,
    r401_tidak_mendukung_sasaran,
    r402_rhk_atasan_kosong,
    r403_rutinitas_berdampak_rendah,
    r404_tambahan_sebagai_utama,
    r405_tanpa_keselarasan,
    r406_rujukan_atasan,
    s101_kata_kerja_aktif,
    s102_verba_tanpa_obyek,
    s103_frasa_kabur,
    s104_kualifier_kabur,
    s105_kegiatan_ganda,
    s106_kegiatan_majemuk,
    s107_rhk_aktivitas,
    s108_nominal_tanpa_keluaran,
    s109_obyek_reduplikasi,
    s110_proses_tanpa_keluaran,
    s111_keluaran_generik,
    s112_tugas_titipan,
    s113_kata_tergabung,
    s114_salah_ketik_verba,
    t501_tanpa_target_waktu,
    t502_tenggat_di_luar_periode,
    t503_periodik_tanpa_periode,
    u701_rhk_pimpinan_tidak_diintervensi,
    u702_rhk_atasan_tidak_ditemukan,
    u703_rhk_atasan_teks_bebas,
    u704_pegawai_tanpa_skp,
    u705_penilai_di_luar_unit,
    u706_matriks_tidak_sesuai,
    u750_rating_pimpinan_bukan_capaian_unit,
    u751_kurva_distribusi_tidak_sesuai,
)

CODE_RE = re.compile(r"^[SMARTPEU]\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTIONS = ("Apa yang diperiksa", "Mengapa", "Contoh buruk", "Contoh baik", "Opsi")
FAMILIES = ("S", "M", "A", "R", "T", "P", "E", "U")  # U: the unit (cascading, SPEC §11)

_MODULES: tuple[ModuleType, ...] = (
    s101_kata_kerja_aktif, s102_verba_tanpa_obyek, s103_frasa_kabur, s104_kualifier_kabur,
    s105_kegiatan_ganda, s106_kegiatan_majemuk, s107_rhk_aktivitas, s108_nominal_tanpa_keluaran,
    s109_obyek_reduplikasi, s110_proses_tanpa_keluaran, s111_keluaran_generik, s112_tugas_titipan,
    s113_kata_tergabung, s114_salah_ketik_verba,
    m201_kuantitas_tanpa_satuan, m202_indikator_tanpa_ukuran, m203_kualitas_target_100,
    m205_iki_tanpa_target, m206_iki_tanpa_aspek, m207_satuan_tidak_baku,
    a301_target_di_atas_historis, a302_realisasi_jauh_di_atas_target, a303_waktu_melebihi_periode,
    r401_tidak_mendukung_sasaran, r402_rhk_atasan_kosong, r403_rutinitas_berdampak_rendah,
    r404_tambahan_sebagai_utama, r405_tanpa_keselarasan, r406_rujukan_atasan,
    t501_tanpa_target_waktu, t502_tenggat_di_luar_periode, t503_periodik_tanpa_periode,
    p601_jumlah_kegiatan_utama, p602_tambahan_tanpa_bukti, p603_kreatif_tanpa_bukti_tingkat,
    p604_biaya_bukan_pengelola_anggaran, p605_angka_kredit_bukan_jft, p606_kepemimpinan_jenis_jabatan,
    p607_penilai_sama_dengan_dinilai, p608_dinilai_melebihi_penilai, p609_tanpa_pembahasan_atasan,
    p610_tanpa_review_triwulan, p611_kurang_tanpa_tindak_lanjut, p612_selesai_terlalu_cepat,
    p613_nilai_skp_rendah, p614_salin_tahun_lalu, p615_revisi_menghapus_kegiatan, p616_lampiran_6_2022,
    p617_berakhlak_tidak_lengkap, p618_biaya_melebihi_target, p619_kegiatan_tidak_dilaksanakan,
    p620_revisi_tanpa_persetujuan, p621_hambatan_tanpa_tindak_lanjut, p622_ditandatangani_sebelum_dibahas,
    p623_periode_tumpang_tindih, p624_teks_terlalu_panjang,
    e090_karakter_terlarang_xml, e091_penekanan_tidak_terpakai, e092_penekanan_tidak_sah,
    u701_rhk_pimpinan_tidak_diintervensi, u702_rhk_atasan_tidak_ditemukan, u703_rhk_atasan_teks_bebas,
    u704_pegawai_tanpa_skp, u705_penilai_di_luar_unit, u706_matriks_tidak_sesuai,
    u750_rating_pimpinan_bukan_capaian_unit, u751_kurva_distribusi_tidak_sesuai,
)


class RegistryError(Exception):
    pass


def build_registry(modules: tuple[ModuleType, ...]) -> dict[str, ModuleType]:
    """Code → module, refusing duplicate codes or names and malformed metadata."""
    out: dict[str, ModuleType] = {}
    names: dict[str, str] = {}
    for mod in modules:
        code, name = mod.CODE, mod.NAME
        if not CODE_RE.match(code):
            raise RegistryError(f"{mod.__name__}: code {code!r} does not match {CODE_RE.pattern}")
        if not NAME_RE.match(name):
            raise RegistryError(f"{mod.__name__}: name {name!r} is not kebab-case")
        if code in out:
            raise RegistryError(f"duplicate rule code {code}: {out[code].__name__} and {mod.__name__}")
        if name in names:
            raise RegistryError(f"duplicate rule name {name}: {names[name]} and {code}")
        if mod.FAMILY != code[0] or mod.SEVERITY not in ("error", "warning", "info"):
            raise RegistryError(f"{mod.__name__}: bad FAMILY or SEVERITY")
        out[code] = mod
        names[name] = code
    return dict(sorted(out.items()))


RULES: dict[str, ModuleType] = build_registry(_MODULES)


def get(code_or_name: str) -> ModuleType | None:
    key = code_or_name.strip()
    if key.upper() in RULES:
        return RULES[key.upper()]
    for mod in RULES.values():
        if mod.NAME == key.lower() or key.lower() in getattr(mod, "ALIASES", ()):
            return mod
    return None


def doc_sections(mod: ModuleType) -> tuple[str, dict[str, str]]:
    """(one-line summary, {section title: body}) parsed from a rule's docstring."""
    text = (mod.__doc__ or "").strip("\n")
    lines = text.splitlines()
    summary = lines[0].strip() if lines else ""
    sections: dict[str, str] = {}
    current: str | None = None
    buf: list[str] = []
    for line in lines[1:]:
        if line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(buf).strip("\n")
            current, buf = line[3:].strip(), []
        elif current is not None:
            buf.append(line)
    if current is not None:
        sections[current] = "\n".join(buf).strip("\n")
    return summary, sections


def doc_examples(body: str) -> list[tuple[str, str]]:
    """Fenced examples of a section: [(info string, code)], e.g. ("yaml", …) or ("yaml previous", …)."""
    out: list[tuple[str, str]] = []
    info: str | None = None
    buf: list[str] = []
    for line in body.splitlines():
        stripped = line.strip()
        if info is None and stripped.startswith("```"):
            info, buf = stripped[3:].strip() or "text", []
        elif info is not None and stripped == "```":
            out.append((info, "\n".join(buf) + "\n"))
            info = None
        elif info is not None:
            buf.append(line)
    return out


def summary(mod: ModuleType, lang: str = "id") -> str:
    """The one-line summary of a rule: the docstring's first line, or its English version."""
    if lang == "en":
        text = _summaries_en().get(mod.CODE)
        if text:
            return text
    return doc_sections(mod)[0]


def english_sections(mod: ModuleType) -> tuple[str, dict[str, str]]:
    """(summary, {Indonesian section title: English body}) for ``skpgen rules CODE --lang en``.

    The English texts are data (``skpgen/lint/docs_en.toml``); the YAML examples are shared with
    the Indonesian documentation. A rule without an English text keeps its Indonesian one, marked.
    """
    summary_id, sections = doc_sections(mod)
    texts = _docs_en().get(mod.CODE, {})
    out: dict[str, str] = {}
    for title, key in (("Apa yang diperiksa", "what"), ("Mengapa", "why"), ("Opsi", "options")):
        out[title] = texts[key] if key in texts else f"_(Indonesian only.)_ {sections.get(title, '')}"
    for title in ("Contoh buruk", "Contoh baik"):
        out[title] = "\n\n".join(f"```{info}\n{code}```" for info, code in doc_examples(sections.get(title, "")))
    return summary(mod, "en"), out


@cache
def _docs_en() -> dict[str, dict[str, str]]:
    import tomllib
    from pathlib import Path

    with open(Path(__file__).resolve().parents[1] / "lint" / "docs_en.toml", "rb") as fh:
        return tomllib.load(fh)


def _summaries_en() -> dict[str, str]:
    global _EN
    if _EN is None:
        import tomllib
        from pathlib import Path

        with open(Path(__file__).resolve().parents[1] / "lint" / "summaries_en.toml", "rb") as fh:
            _EN = tomllib.load(fh)
    return _EN


_EN: dict[str, str] | None = None
