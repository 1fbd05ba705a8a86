"""Generate N realistic, schema-valid SKP plans for benchmarks (deterministic for a seed).

    python bench/gen.py OUTDIR N [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

POSITIONS = [
    ("Analis Kebijakan Ahli Muda", "fungsional_tertentu", "Bagian Perencanaan"),
    ("Arsiparis Ahli Pertama", "fungsional_tertentu", "Unit Kearsipan"),
    ("Pranata Komputer Ahli Muda", "fungsional_tertentu", "Bidang Aplikasi Informatika"),
    ("Perawat Ahli Pertama", "fungsional_tertentu", "UPTD Puskesmas Sukamaju"),
    ("Penyuluh Pertanian Ahli Muda", "fungsional_tertentu", "Balai Penyuluhan Pertanian"),
    ("Pengelola Keuangan", "pelaksana", "Subbagian Keuangan"),
    ("Kepala Seksi Pelayanan", "struktural", "Seksi Pelayanan Umum"),
]
ACTIVITIES = [
    ("Menyusun laporan kinerja triwulanan unit kerja", "laporan", 4),
    ("Melakukan verifikasi data usulan program e-Planning", "dokumen", 12),
    ("Menyusun rencana kerja dan anggaran unit kerja", "dokumen", 1),
    ("Melakukan digitalisasi arsip inaktif", "berkas", 1000),
    ("Menyusun kajian kebijakan pelayanan publik", "naskah", 2),
    ("Melaksanakan pemeliharaan jaringan komputer kantor", "laporan", 12),
    ("Melakukan pendampingan kelompok tani", "kelompok", 8),
    ("Menyusun laporan pertanggungjawaban keuangan bulanan", "laporan", 12),
    ("Melakukan pengkajian keperawatan pasien rawat jalan", "pasien", 240),
    ("Menyusun standar operasional prosedur pelayanan", "dokumen", 3),
    ("Melakukan evaluasi indeks kepuasan masyarakat", "laporan", 2),
    ("Menyusun basis data aset daerah", "dokumen", 1),
]
NAMES = ["Ali Rahman", "Siti Aminah", "Budi Santoso", "Dewi Lestari", "Rina Marlina", "Agus Salim",
         "Wahyu Hidayat", "Nur Aisyah", "Yusuf Maulana", "Fitri Handayani", "Joko Prasetyo", "Ratna Sari"]
RANKS = [("Penata Muda", "III/a"), ("Penata Muda Tk.I", "III/b"), ("Penata", "III/c"), ("Penata Tk.I", "III/d")]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def nip(rng: random.Random, i: int | None = None) -> str:
    """An 18-digit NIP: birth date, TMT year-month, sex, sequence. With ``i`` it is unique per plan
    (up to 180,000 plans), so batch outputs named by NIP never collide."""
    birth = f"19{rng.randint(70, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    if i is None:
        return f"{birth}20{rng.randint(5, 20):02d}{rng.randint(1, 12):02d}{rng.randint(1, 2)}{rng.randint(1, 999):03d}"
    return f"{birth}20{5 + (i // 12000) % 15:02d}{(i // 1000) % 12 + 1:02d}1{i % 1000:03d}"


def plan(rng: random.Random, i: int, kegiatan: int = 6) -> str:
    jab, jenis_jab, unit = POSITIONS[i % len(POSITIONS)]
    pangkat, gol = rng.choice(RANKS)
    budget = jenis_jab == "struktural"
    lines = [
        "versi: 1", "aturan: pp46-2011", "instansi: Pemerintah Kabupaten Contoh",
        'periode: {tahun: 2025, mulai: "2025-01-02", selesai: "2025-12-31"}',
        "pegawai:", f"  nama: {q(rng.choice(NAMES) + ', S.E.')}", f'  nip: "{nip(rng, i)}"', f"  pangkat: {pangkat}",
        f"  golongan: {gol}", f"  jabatan: {jab}", f"  jenis_jabatan: {jenis_jab}", f"  unit_kerja: {unit}",
        f"  pengelola_anggaran: {'true' if budget else 'false'}",
        "pejabat_penilai:", f"  nama: {q(rng.choice(NAMES) + ', M.Si.')}", f'  nip: "{nip(rng)}"', "  pangkat: Pembina",
        "  golongan: IV/a", f"  jabatan: Kepala {unit}", "  jenis_jabatan: struktural", f"  unit_kerja: {unit}",
        "keselarasan:",
        "  - {id: SS1, sasaran: Meningkatnya kualitas layanan publik, sumber: Renstra 2021-2026, indikator: \"Indeks Kepuasan Masyarakat 85\"}",
        "kegiatan:",
    ]
    chosen = (rng.sample(ACTIVITIES, kegiatan) if kegiatan <= len(ACTIVITIES)
              else [(f"{u} tahap {j + 1}", s, n) for j, (u, s, n) in
                    enumerate(rng.choice(ACTIVITIES) for _ in range(kegiatan))])
    for k, (uraian, satuan, kuant) in enumerate(chosen, start=1):
        waktu = rng.choice([3, 6, 12])
        biaya = rng.randint(10, 200) * 1_000_000 if budget else None
        rw = max(1, waktu - rng.choice([0, 0, 1]))
        lines += [
            f"  - id: K{k}", f"    uraian: {uraian}", "    jenis: utama", "    mendukung: [SS1]",
            "    indikator:", f"      - {{teks: {q(f'Jumlah {satuan} yang diselesaikan tepat waktu')}, aspek: kuantitas}}",
            f"    target: {{kuantitas: {kuant}, satuan: {satuan}, kualitas: 100, waktu: {waktu}, satuan_waktu: bulan"
            + (f", biaya: {biaya}" if biaya else "") + "}",
            f"    realisasi: {{kuantitas: {kuant}, kualitas: {rng.randint(85, 100)}, waktu: {rw}"
            + (f", biaya: {int(biaya * rng.uniform(0.8, 1.0))}" if biaya else "") + "}",
            "    pemantauan:",
            f"      - {{tanggal: \"2025-06-30\", status: {rng.choice(['on-track', 'terlambat', 'selesai'])}, progres: {rng.randint(30, 100)}}}",
        ]
    lines += [
        "perilaku_kerja: {orientasi_pelayanan: %d, integritas: %d, komitmen: %d, disiplin: %d, kerja_sama: %d%s}"
        % (*(rng.randint(76, 95) for _ in range(5)), f", kepemimpinan: {rng.randint(76, 95)}" if budget else ""),
        'jadwal_review: ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-15"]',
        'persetujuan: {dibahas: "2025-01-10", ditandatangani: "2025-01-15", tempat: Kota Contoh}',
    ]
    return "\n".join(lines) + "\n"


UNIT_RHK = ["Meningkatnya ketersediaan layanan aplikasi pemerintah daerah", "Meningkatnya keterpaduan data antarperangkat daerah",
            "Meningkatnya keamanan informasi pemerintah daerah", "Terwujudnya tata kelola SPBE sesuai arsitektur daerah",
            "Meningkatnya kualitas layanan publik berbasis elektronik"]


def _plan_2022(person: tuple[str, str, str], penilai: tuple[str, str, str], rhk: list[tuple[str, str]]) -> str:
    """A 6/2022 plan: person/penilai = (nama, NIP, jabatan); rhk = [(uraian, rhk_atasan)]."""
    lines = ["versi: 1", "aturan: permenpanrb-6-2022", "instansi: Pemerintah Kabupaten Contoh",
             'periode: {tahun: 2025, mulai: "2025-01-02", selesai: "2025-12-31"}']
    for key, (nama, nip_, jabatan) in (("pegawai", person), ("pejabat_penilai", penilai)):
        lines += [f"{key}:", f"  nama: {q(nama)}", f'  nip: "{nip_}"', "  pangkat: Penata", "  golongan: III/c",
                  f"  jabatan: {jabatan}", "  jenis_jabatan: struktural" if "Kepala" in jabatan else
                  "  jenis_jabatan: fungsional_tertentu", "  unit_kerja: Dinas Komunikasi dan Informatika"]
    lines.append("kegiatan:")
    for k, (uraian, ref) in enumerate(rhk, start=1):
        lines += [f"  - id: RHK{k}", f"    uraian: {uraian}", "    jenis: utama", f"    rhk_atasan: {q(ref)}",
                  "    indikator:", f"      - {{teks: {q('Persentase ' + uraian.lower())}, aspek: kualitas, "
                  "target: {nilai: 90, satuan: persen}}"]
    lines += ["perilaku_kerja: {berorientasi_pelayanan: null, akuntabel: null, kompeten: null, harmonis: null, "
              "loyal: null, adaptif: null, kolaboratif: null}",
              "lampiran: {dukungan_sumber_daya: [Anggaran bidang], skema_pertanggungjawaban: [Laporan triwulanan], "
              "konsekuensi: [Sesuai PermenPANRB 6/2022]}",
              'jadwal_review: ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-15"]',
              'persetujuan: {dibahas: "2025-01-10", ditandatangani: "2025-01-15", tempat: Kota Contoh}']
    return "\n".join(lines) + "\n"


def generate_unit(outdir: Path, n: int, seed: int = 1, teams: int = 20) -> list[Path]:
    """A unit of ``n`` employees for the cascading benchmark: a leader, ``teams`` Kepala Seksi, the
    rest as staff spread over them; every RHK intervenes its supervisor's (two levels), and the
    unit file carries the matching written matrix."""
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    people = [(rng.choice(NAMES), nip(rng, 150_000 + i)) for i in range(n)]
    head = (people[0][0] + ", M.T.", people[0][1], "Kepala Bidang Aplikasi Informatika")
    above = ("Kepala Dinas", "196801011990031001", "Kepala Dinas Komunikasi dan Informatika")
    paths: list[Path] = []

    def write(i: int, text: str) -> None:
        p = outdir / f"pegawai-{i:04d}.skp.yaml"
        p.write_text(text, encoding="utf-8")
        paths.append(p)

    write(0, _plan_2022(head, above, [(u, f"{above[1]}#RHK{k % 3 + 1}") for k, u in enumerate(UNIT_RHK)]))
    matrix = []
    kasi = []
    for t in range(1, teams + 1):
        person = (people[t][0] + ", S.T.", people[t][1], f"Kepala Seksi {t}")
        rhk = [(f"{UNIT_RHK[(t + j) % 5].replace('Meningkatnya', 'Tercapainya')} seksi {t} bagian {j + 1}",
                f"{head[1]}#RHK{(t + j) % 5 + 1}") for j in range(3)]
        kasi.append((person, rhk))
        write(t, _plan_2022(person, head, rhk))
        matrix.append((person[1], None, [(r.split("#")[1], u) for u, r in rhk]))
    for i in range(teams + 1, n):
        person_k, rhk_k = kasi[i % teams]
        person = (people[i][0] + ", S.Kom.", people[i][1], "Pranata Komputer Ahli Pertama")
        picks = [(i + j) % 3 for j in range(2)]  # staff of one seksi cover all three of its RHK
        rhk = [(f"Tersedianya hasil kerja {i}-{j + 1} untuk {rhk_k[p][0][:40].lower()}", f"{person_k[1]}#RHK{p + 1}")
               for j, p in enumerate(picks)]
        write(i, _plan_2022(person, person_k, rhk))
        matrix.append((person[1], person_k[1], [(r.split("#")[1], u) for u, r in rhk]))
    unit = ["versi: 1", "jenis: unit", "nama: Bidang Aplikasi Informatika", "instansi: Dinas Kominfo Kabupaten Contoh",
            "tahun: 2025", f'pimpinan: "{head[1]}"', "predikat_organisasi: {tahunan: baik}", "matriks:"]
    for nip_, atasan, peran in matrix:
        unit += [f'  - nip: "{nip_}"'] + ([f'    atasan: "{atasan}"'] if atasan else []) + ["    peran:"]
        unit += [f"      {col}: {q(text)}" for col, text in peran]
    (outdir / "bidang.unit.yaml").write_text("\n".join(unit) + "\n", encoding="utf-8")
    return paths


def generate(outdir: Path, n: int, seed: int = 1, per_dir: int = 0) -> list[Path]:
    """Write ``n`` plans into ``outdir`` (with ``per_dir``: into unit folders of that many plans,
    as an agency's repository is organised)."""
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        folder = outdir / f"unit-{i // per_dir:04d}" if per_dir else outdir
        if per_dir and i % per_dir == 0:
            folder.mkdir(exist_ok=True)
        p = folder / f"plan-{i:06d}.skp.yaml" if n > 99_999 else folder / f"plan-{i:05d}.skp.yaml"
        p.write_text(plan(rng, i), encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    generate(args.outdir, args.n, args.seed)


if __name__ == "__main__":
    main()
