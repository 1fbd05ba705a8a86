"""The real yaml-language-server (npm, default settings, no network) on a plan made by `skpgen init`.

Issue 10: the https modeline could not be loaded offline ("Unable to load schema", and then no
completion, hover or validation at all). The server is installed by .ci/run into tools/editor-test/
(`npm ci`); the test is skipped only outside CI when node or the package is missing.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, run_cli
from lsp_client import Editor

SERVER = ROOT / "tools" / "editor-test" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"

pytestmark = [pytest.mark.e2e]


def _node_or_skip() -> str:
    node = shutil.which("node")
    if node and SERVER.is_file():
        return node
    what = "node" if not node else f"{SERVER} (npm ci --prefix tools/editor-test)"
    if os.environ.get("CI") == "true" or os.environ.get("SKPGEN_REQUIRE_LIBREOFFICE"):
        pytest.fail(f"the editor test needs {what} in CI")
    pytest.skip(f"{what} missing")


async def _session(folder: Path, plan: Path, steps: Any) -> Any:
    from lsprotocol import types as T

    editor = await Editor.start([_node_or_skip(), str(SERVER), "--stdio"], folder)
    try:
        return await steps(editor, T, plan.as_uri())
    finally:
        await editor.stop()


async def _open(editor: Editor, T: Any, uri: str, text: str, version: int = 1) -> list[Any]:
    """Open (or replace) the buffer and return the diagnostics published for it."""
    if version == 1:
        return await editor.open(uri, text)  # type: ignore[return-value]
    return await editor.change(uri, text)  # type: ignore[return-value]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if line.startswith(needle))


def test_init_plan_in_yaml_language_server_offline(tmp_path: Path) -> None:
    _node_or_skip()
    folder = tmp_path / "skp-saya"  # a fresh folder outside the repository
    folder.mkdir()
    r = run_cli("init", "-o", "2026.skp.yaml", "--tahun", "2026", cwd=folder)
    assert r.returncode == 0, r.stderr
    plan = folder / "2026.skp.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./skp.schema.json\n")

    async def steps(client: Any, T: Any, uri: str) -> dict[str, Any]:
        out: dict[str, Any] = {"clean": await _open(client, T, uri, text)}
        # hover on `nip` of the pegawai block
        nip_line = _line_of(text, "  nip:")
        out["hover"] = await client.hover(uri, nip_line, 3)
        pj_line = _line_of(text, "pejabat_penilai:")
        out["hover_pejabat"] = await client.hover(uri, pj_line, 3)
        # completion on a new top-level line at the end
        grown = text + "\n"
        await _open(client, T, uri, grown, version=2)
        out["completion"] = await client.completion(uri, len(grown.splitlines()), 0)
        # a 17-digit NIP
        broken = text.replace('nip: "000000000000000000"', 'nip: "00000000000000000"', 1)
        out["broken"] = await _open(client, T, uri, broken, version=3)
        out["broken_line"] = nip_line
        return out

    out = asyncio.run(_session(folder, plan, steps))
    messages = [d.message for d in out["clean"] + out["broken"]]
    assert not any("Unable to load schema" in m for m in messages), messages
    assert out["clean"] == []  # the scaffold is valid in the editor too

    assert out["hover"].startswith("#### NIP\n\nNomor Induk Pegawai: 18 angka, selalu ditulis sebagai teks")
    assert out["hover"].count("```yaml") == 1  # one example, not repeated
    assert out["hover_pejabat"].startswith("#### Pejabat penilai\n\n")  # its own title, not "Identitas pegawai"

    labels = [label for label, _ in out["completion"]]
    assert len(labels) == len(set(labels)), labels  # no key offered twice
    # keys not yet in the scaffold, of its own regime only (pp46: no lampiran/evaluasi)
    keys = {label for label in labels if label.isidentifier()}
    assert keys == {"atasan_pejabat_penilai", "perilaku_kerja", "persetujuan"}, labels
    inserts = dict(out["completion"])
    assert inserts["perilaku_kerja"].startswith("perilaku_kerja:\n  orientasi_pelayanan:")

    assert [(d.range.start.line, d.range.start.character, d.message) for d in out["broken"]] == [
        (out["broken_line"], 7,
         'NIP harus tepat 18 angka (tanpa spasi atau titik), dalam tanda kutip, mis. "198503122010011002".')]


MINIMAL_6_2022_HEAD = "# yaml-language-server: $schema=./skp.schema.json\nversi: 1\naturan: {aturan}\n"


def test_regime_aware_completion_snippets_and_the_mistakes_the_schema_can_show(tmp_path: Path) -> None:
    _node_or_skip()
    r = run_cli("schema", "-o", str(tmp_path / "skp.schema.json"))
    assert r.returncode == 0, r.stderr
    plan = tmp_path / "a.skp.yaml"

    async def steps(client: Any, T: Any, uri: str) -> dict[str, Any]:
        out: dict[str, Any] = {}

        async def complete(text: str, line: int, col: int, version: int) -> list[tuple[str, str]]:
            await _open(client, T, uri, text, version)
            return await client.completion(uri, line, col)

        out["pp46"] = await complete(MINIMAL_6_2022_HEAD.format(aturan="pp46-2011"), 3, 0, 1)
        out["r6"] = await complete(MINIMAL_6_2022_HEAD.format(aturan="permenpanrb-6-2022"), 3, 0, 2)
        out["pp46_kegiatan"] = await complete(
            MINIMAL_6_2022_HEAD.format(aturan="pp46-2011") + "kegiatan:\n  - id: K1\n    \n", 5, 4, 3)
        out["r6_kegiatan"] = await complete(
            MINIMAL_6_2022_HEAD.format(aturan="permenpanrb-6-2022") + "kegiatan:\n  - id: K1\n    \n", 5, 4, 4)
        out["pegawai_value"] = await complete(
            MINIMAL_6_2022_HEAD.format(aturan="pp46-2011") + "pegawai: \n", 3, 9, 5)
        out["pp46_pegawai"] = await complete(
            MINIMAL_6_2022_HEAD.format(aturan="pp46-2011") + "pegawai:\n  nama: A\n  \n", 5, 2, 7)
        out["r6_pegawai"] = await complete(
            MINIMAL_6_2022_HEAD.format(aturan="permenpanrb-6-2022") + "pegawai:\n  nama: A\n  \n", 5, 2, 8)
        mistakes = (MINIMAL_6_2022_HEAD.format(aturan="pp46-2011")
                    + "periode: {tahun: 2025, mulai: 2025-01-02, selesai: 2025-02-31}\n"
                    + "kegiatan:\n  - id: K1\n    uraian: Menyusun RKA\n    jenis: utama\n"
                    + "    target: {kuantitas: 0, satuan: dokumen, kualitas: 100, waktu: 3}\n"
                    + "    rhk_atasan: Meningkatnya kualitas perencanaan\n"
                    + "lampiran: {konsekuensi: [x]}\n")
        out["mistakes"] = await _open(client, T, uri, mistakes, version=6)
        return out

    out = asyncio.run(_session(tmp_path, plan, steps))
    pp46 = [label for label, _ in out["pp46"]]
    r6 = [label for label, _ in out["r6"]]
    assert len(pp46) == len(set(pp46)) and len(r6) == len(set(r6))
    assert "lampiran" not in pp46 and "evaluasi" not in pp46 and "perilaku_kerja" in pp46
    assert "lampiran" in r6 and "evaluasi" in r6 and "perilaku_kerja" in r6
    assert dict(out["r6"])["lampiran"].startswith("lampiran:\n  dukungan_sumber_daya:\n    - ")
    assert dict(out["r6"])["perilaku_kerja"].startswith("perilaku_kerja:\n  berorientasi_pelayanan:")
    pp46_keys = {label for label, _ in out["pp46_kegiatan"]}
    r6_keys = {label for label, _ in out["r6_kegiatan"]}
    assert "rhk_atasan" not in pp46_keys and "perspektif" not in pp46_keys and "target" in pp46_keys
    assert {"rhk_atasan", "perspektif"} <= r6_keys
    pp46_peg = [label for label, _ in out["pp46_pegawai"]]
    r6_peg = [label for label, _ in out["r6_pegawai"]]
    assert "nip" in pp46_peg and "jenjang" not in pp46_peg and "jenjang" in r6_peg
    assert len(pp46_peg) == len(set(pp46_peg)) and len(r6_peg) == len(set(r6_peg))

    # the identity snippet inserts the NIP quoted; no completion inserts it as a bare number
    snippets = dict(out["pegawai_value"])
    assert '  nip: "${2:198503122010011002}"\n' in snippets["pegawai"]
    assert not any("nip}: ${4:198503122010011002}" in text or "nip: 198503122010011002" in text
                   for _, text in out["pegawai_value"])

    found = sorted((d.range.start.line, d.range.start.character, d.message) for d in out["mistakes"]
                   if not d.message.startswith("Missing property"))  # the buffer is deliberately partial
    other_regime = "Kunci ini hanya berlaku untuk aturan permenpanrb-6-2022; hapus, atau ganti aturan."
    assert found == [
        (3, 51, "Tanggal ditulis YYYY-MM-DD dan harus ada di kalender, mis. 2025-03-31."),
        (8, 24, "Value is below the exclusive minimum of 0."),  # yaml-language-server has no Indonesian here
        (9, 4, other_regime),
        (10, 0, other_regime),
    ]
