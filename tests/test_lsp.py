"""`skpgen lsp` driven over stdio by a real LSP client (pytest-lsp), as an editor would (SPEC §10).

The published diagnostics must be `skpgen lint --format json`'s findings (code, range, severity,
message) for every example and for broken buffers; each code action must apply and leave the
buffer clean of the finding it fixes; no buffer content (an example cut at every line) may stop
the server.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, MINIMAL, ROOT, run_cli
from lsp_client import Editor, apply_text_edits, utf16_col

SERVER = [sys.executable, "-m", "skpgen", "lsp"]
NO_DEBOUNCE = {"debounce_ms": 0}


def lint_json(path: Path, *args: str, cwd: Path | None = None) -> list[dict[str, Any]]:
    r = run_cli("lint", "--format", "json", *args, str(path), cwd=cwd)
    assert r.returncode in (0, 1, 2), r.stderr
    return json.loads(r.stdout or "[]")


def expected(findings: list[dict[str, Any]], text: str, file: Path) -> list[tuple[Any, ...]]:
    """lint's findings of ``file`` as LSP diagnostics: 0-based lines, UTF-16 columns."""
    lines = text.split("\n")

    def pos(line: int, col: int) -> tuple[int, int]:
        line0 = min(max(line - 1, 0), len(lines) - 1)
        col0 = min(max(col - 1, 0), len(lines[line0].rstrip("\r")))
        return line0, utf16_col(lines[line0], col0)

    severity = {"error": 1, "warning": 2, "info": 3}
    return sorted((f["code"], pos(f["line"], f["column"]), pos(f["end_line"], f["end_column"]),
                   severity[f["severity"]], f["message"]) for f in findings if Path(f["file"]) == file)


def published(diagnostics: list[Any]) -> list[tuple[Any, ...]]:
    return sorted((d.code, (d.range.start.line, d.range.start.character),
                   (d.range.end.line, d.range.end.character), int(d.severity), d.message) for d in diagnostics)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


# ---- diagnostics == skpgen lint ----------------------------------------------------------------

def test_every_example_matches_lint_json(tmp_path: Path) -> None:
    folder = tmp_path / "contoh"
    shutil.copytree(EXAMPLES, folder)
    reference = lint_json(folder)  # the workspace folder, as `skpgen lint FOLDER` (cross-file rules)
    plans = sorted(folder.glob("*.skp.yaml"))
    assert len(plans) >= 6

    async def go() -> dict[Path, list[Any]]:
        editor = await Editor.start(SERVER, folder, init_options=NO_DEBOUNCE)
        try:
            return {p: await editor.open(p.as_uri(), p.read_text(encoding="utf-8")) for p in plans}
        finally:
            await editor.stop()

    got = run(go())
    seen = 0
    for plan in plans:
        want = expected(reference, plan.read_text(encoding="utf-8"), plan)
        assert published(got[plan]) == want, plan.name
        seen += len(want)
    assert seen >= 20  # the weak draft alone has many findings: the comparison is not vacuous


BROKEN = {
    "nip-17": MINIMAL.replace('nip: "198503122010011002"', 'nip: "19850312201001100"'),
    "nip-unquoted": MINIMAL.replace('nip: "198503122010011002"', "nip: 198503122010011002"),
    "unknown-key": MINIMAL.replace("    uraian: Menyusun RKA Unit Kerja", "    uraain: Menyusun RKA Unit Kerja"),
    "bad-enum": MINIMAL.replace("jenis_jabatan: fungsional_tertentu", "jenis_jabatan: fungsional_tertntu"),
    "yaml-syntax": MINIMAL.replace("  pangkat: Penata\n", "  pangkat: 'Penata\n", 1),
    "duplicate-key": MINIMAL.replace("versi: 1\n", "versi: 1\nversi: 1\n"),
    "tab": MINIMAL.replace("  nama: \"Ali", "\tnama: \"Ali", 1),
    "impossible-date": MINIMAL.replace('selesai: "2025-12-31"', 'selesai: "2025-02-31"'),
    "target-zero": MINIMAL.replace("kuantitas: 12,", "kuantitas: 0,"),
    "duplicate-id": MINIMAL.replace("  - id: K2\n", "  - id: K1\n"),
    "selesai-before-mulai": MINIMAL.replace('mulai: "2025-01-02"', 'mulai: "2025-12-31"').replace(
        'selesai: "2025-12-31"', 'selesai: "2025-01-02"'),
    "other-regime": MINIMAL + "lampiran: {konsekuensi: [x]}\n",
    "unicode": MINIMAL.replace("Menyusun RKA Unit Kerja", "Menyusun RKA “Unit” Kerja 𝔸 dengan baik"),
    "empty": "",
    "not-a-mapping": "- a\n- b\n",
    "suppression-without-reason": MINIMAL.replace("    uraian: Memverifikasi data e-Planning",
                                                  "    uraian: Memverifikasi data e-Planning  # skpgen: ignore[S1]"),
}


def test_broken_buffers_match_lint_json(tmp_path: Path) -> None:
    files = {}
    for name, text in BROKEN.items():
        path = tmp_path / name / "plan.skp.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        files[name] = path

    async def go() -> dict[str, list[Any]]:
        editor = await Editor.start(SERVER, tmp_path, init_options=NO_DEBOUNCE)
        try:
            return {name: await editor.open(p.as_uri(), BROKEN[name]) for name, p in files.items()}
        finally:
            await editor.stop()

    got = run(go())
    reference = lint_json(tmp_path)  # the workspace folder: its cross-file findings (P623) included
    codes = {}
    for name, path in files.items():
        want = expected(reference, BROKEN[name], path)
        assert published(got[name]) == want, name
        codes[name] = {c for c, *_ in want}
    # the four mistakes of issue 10 that the editor alone could not show
    assert "E050" in codes["impossible-date"] and "E054" in codes["target-zero"]
    assert "E052" in codes["duplicate-id"] and "E051" in codes["selesai-before-mulai"]
    assert "E024" in codes["nip-17"] and "E022" in codes["nip-unquoted"] and "E028" in codes["other-regime"]


def test_the_buffer_not_the_disk_config_and_language(tmp_path: Path) -> None:
    """Unsaved text is linted; `.skpgen.yaml` (rules off, English) applies as in `skpgen lint`."""
    workspace, elsewhere = tmp_path / "ws", tmp_path / "scratch"
    for folder in (workspace, elsewhere):
        folder.mkdir()
        (folder / ".skpgen.yaml").write_text("lang: en\nignore: [P610]\n", encoding="utf-8")
    plan = workspace / "a.skp.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    buffer = MINIMAL.replace("Menyusun RKA Unit Kerja", "Membantu atasan menyusun RKA")
    scratch = elsewhere / "a.skp.yaml"
    scratch.write_text(buffer, encoding="utf-8")

    async def go() -> list[Any]:
        editor = await Editor.start(SERVER, workspace, init_options=NO_DEBOUNCE)
        try:
            return await editor.open(plan.as_uri(), buffer)
        finally:
            await editor.stop()

    got = published(run(go()))
    want = expected(lint_json(scratch), buffer, scratch)
    assert got == want
    codes = [c for c, *_ in got]
    assert "S103" in codes and "P610" not in codes
    assert [m for c, *_, m in got if c == "S103"] == [
        m for c, *_, m in expected(lint_json(scratch, "--lang", "en"), buffer, scratch) if c == "S103"]
    assert not [m for *_, m in got if "Uraian" in m]  # English, from the config


def test_cross_file_rules_use_the_workspace_folder(tmp_path: Path) -> None:
    """P623: two plans of one employee with overlapping periods, as `skpgen lint FOLDER` sees them."""
    a = tmp_path / "a.skp.yaml"
    b = tmp_path / "b.skp.yaml"
    a.write_text(MINIMAL, encoding="utf-8")
    b.write_text(MINIMAL.replace('mulai: "2025-01-02"', 'mulai: "2025-06-01"'), encoding="utf-8")
    reference = lint_json(tmp_path)
    assert "P623" in {f["code"] for f in reference if Path(f["file"]) == a}

    async def go() -> list[Any]:
        editor = await Editor.start(SERVER, tmp_path, init_options=NO_DEBOUNCE)
        try:
            return await editor.open(a.as_uri(), MINIMAL)
        finally:
            await editor.stop()

    assert published(run(go())) == expected(reference, MINIMAL, a)


# ---- hover, code actions ------------------------------------------------------------------------

def test_hover_on_a_finding_shows_the_rule_documentation(tmp_path: Path) -> None:
    plan = tmp_path / "draf.skp.yaml"
    text = (EXAMPLES / "draf-lemah.skp.yaml").read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")

    async def go() -> tuple[Any, str, str]:
        editor = await Editor.start(SERVER, tmp_path, init_options=NO_DEBOUNCE)
        try:
            diags = await editor.open(plan.as_uri(), text)
            s103 = next(d for d in diags if d.code == "S103")
            inside = await editor.hover(plan.as_uri(), s103.range.start.line, s103.range.start.character + 1)
            outside = await editor.hover(plan.as_uri(), 0, 0)
            return s103, inside, outside
        finally:
            await editor.stop()

    _, inside, outside = run(go())
    doc = run_cli("rules", "S103").stdout.strip()
    assert doc.startswith("## S103 frasa-kabur")
    assert doc in inside  # the same documentation as `skpgen rules S103`
    assert outside == ""


def _apply(action: Any, uri: str, text: str) -> str:
    return apply_text_edits(text, action.edit.changes[uri])


def test_each_code_action_applies_and_the_finding_is_gone(tmp_path: Path) -> None:
    cases = {
        # (buffer, finding code to fix, action title starts with)
        "suppress": (MINIMAL.replace("Menyusun RKA Unit Kerja", "Membantu atasan menyusun RKA"), "S103", "Abaikan S103"),
        "quote-nip": (BROKEN["nip-unquoted"], "E022", "Tulis NIP sebagai teks"),
        "did-you-mean-key": (BROKEN["unknown-key"], "E021", "Ganti dengan 'uraian'"),
        "did-you-mean-enum": (BROKEN["bad-enum"], "E023", "Ganti dengan 'fungsional_tertentu'"),
    }
    results: dict[str, tuple[str, list[str]]] = {}

    async def go() -> None:
        editor = await Editor.start(SERVER, tmp_path, init_options=NO_DEBOUNCE)
        try:
            for name, (text, code, title) in cases.items():
                uri = (tmp_path / f"{name}.skp.yaml").as_uri()
                diags = await editor.open(uri, text)
                target = next(d for d in diags if d.code == code)
                actions = await editor.code_actions(uri, target)
                chosen = [a for a in actions if a.title.startswith(title)]
                assert len(chosen) == 1, (name, [a.title for a in actions])
                assert chosen[0].diagnostics and chosen[0].diagnostics[0].code == code
                fixed = _apply(chosen[0], uri, text)
                after = await editor.change(uri, fixed)
                results[name] = (fixed, [d.code for d in after if d.range.start.line == target.range.start.line])
        finally:
            await editor.stop()

    run(go())
    for name, (fixed, codes_on_line) in results.items():
        code = cases[name][1]
        assert code not in codes_on_line, name
        path = tmp_path / "check" / f"{name}.skp.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(fixed, encoding="utf-8")
        assert code not in {f["code"] for f in lint_json(path)}, name  # and lint agrees
    assert "  # skpgen: ignore[S103] -- [tulis alasan]\n" in results["suppress"][0]
    assert 'nip: "198503122010011002"' in results["quote-nip"][0]
    assert "    uraian: Menyusun RKA Unit Kerja" in results["did-you-mean-key"][0]
    # a suppression with its reason placeholder is a used, reasoned directive: no E091/E092 either
    assert not {"E091", "E092"} & {f["code"] for f in lint_json(tmp_path / "check" / "suppress.skp.yaml")}


def test_thousands_dot_number_is_rewritten(tmp_path: Path) -> None:
    """`kuantitas: 1.240` is 1240 written the Indonesian way (YAML would read 1,24)."""
    text = MINIMAL.replace("kuantitas: 12,", "kuantitas: 1.240,")
    line = next(i for i, l in enumerate(text.split("\n")) if "kuantitas: 1.240" in l)
    uri = (tmp_path / "a.skp.yaml").as_uri()

    async def go() -> tuple[list[str], str]:
        from lsprotocol import types as T

        editor = await Editor.start(SERVER, tmp_path, init_options=NO_DEBOUNCE)
        try:
            diags = await editor.open(uri, text)
            on_line = [d for d in diags if d.range.start.line == line]
            actions = await editor.code_actions(uri, on_line[0] if on_line else None,
                                                T.Range(T.Position(line, 0), T.Position(line, 0)))
            fix = [a for a in actions if a.title.startswith("Tulis 1240")]
            assert len(fix) == 1, [a.title for a in actions]
            return [a.title for a in actions], _apply(fix[0], uri, text)
        finally:
            await editor.stop()

    titles, fixed = run(go())
    assert "Tulis 1240 (1.240 memakai titik pemisah ribuan)" in titles
    assert "kuantitas: 1240," in fixed and fixed.count("1.240") == 0
    from skpgen.loader import load_text

    assert load_text(fixed).data["kegiatan"][1]["target"]["kuantitas"] == 1240


# ---- robustness and debounce --------------------------------------------------------------------

def test_truncated_buffers_never_stop_the_server(tmp_path: Path) -> None:
    text = (EXAMPLES / "analis-kebijakan-2025.skp.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    uri = (tmp_path / "a.skp.yaml").as_uri()

    async def go() -> tuple[int, list[Any], str]:
        editor = await Editor.start(SERVER, tmp_path, init_options=NO_DEBOUNCE)
        try:
            await editor.open(uri, "")
            count = 0
            for i in range(len(lines) + 1):
                cut = "\n".join(lines[:i])
                await editor.change(uri, cut)
                count += 1
                if i % 7 == 3:  # and mid-line, as while typing
                    await editor.change(uri, cut + "\n" + lines[i][: len(lines[i]) // 2] if i < len(lines) else cut)
                    count += 1
            final = await editor.change(uri, text)
            alive = await editor.hover(uri, 0, 0)
            return count, final, alive
        finally:
            errors = [m.message for m in editor.client.log_messages if "internal" in m.message]
            await editor.stop()
            assert errors == []

    count, final, alive = run(go())
    assert count > len(lines)
    assert alive == ""  # the server still answers
    assert final == [] or all(d.source == "skpgen" for d in final)


def test_debounce_publishes_once_for_a_burst_of_changes(tmp_path: Path) -> None:
    uri = (tmp_path / "a.skp.yaml").as_uri()

    async def go() -> tuple[int, bool]:
        from lsprotocol import types as T

        editor = await Editor.start(SERVER, tmp_path, init_options={"debounce_ms": 300})
        try:
            await editor.open(uri, MINIMAL)
            for i in range(5):  # typing: five changes well inside the debounce time
                await editor.change(uri, MINIMAL + "#" * (i + 1) + "\n", wait=False)
            first = await asyncio.wait_for(editor.client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
            try:
                await asyncio.wait_for(editor.client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 0.8)
                another = True
            except asyncio.TimeoutError:
                another = False
            return first.version, another
        finally:
            await editor.stop()

    assert run(go()) == (6, False)  # one lint, of the last version


def test_lsp_command_imports_pygls_only_when_run() -> None:
    r = run_cli("--help")
    assert r.returncode == 0 and "lsp" in r.stdout
    code = "import sys, skpgen.cli; skpgen.cli.cli.get_command(None, 'lint'); print('pygls' in sys.modules)"
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
