"""English output (issue 10 item 11): a global `skpgen --lang en` for every command, complete
English score text with singular forms, and English rule documentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, run_cli

ANALIS = str(EXAMPLES / "analis-kebijakan-2025.skp.yaml")
GURU = str(EXAMPLES / "guru-2025.skp.yaml")


@pytest.mark.parametrize("args,english", [
    (("validate", GURU), "1 file valid."),
    (("lint", GURU, "--format", "concise", "--exit-zero"), "split them into two kegiatan with their own targets"),
    (("score", ANALIS), "Additional tasks (tugas tambahan): 1 (1 activity with evidence)"),
    (("status", GURU, "--today", "2025-10-01"), "Next review: 2025-12-12"),
    (("diff", GURU, GURU), "No difference in activities, targets or identities."),
    (("rules", "S101"), "### What it checks"),
])
def test_global_lang_option_reaches_every_command(args: tuple[str, ...], english: str) -> None:
    r = run_cli("--lang", "en", *args)
    assert r.returncode == 0, r.stderr
    assert english in r.stdout + r.stderr


def test_global_lang_for_init_and_render(tmp_path: Path) -> None:
    r = run_cli("--lang", "en", "init", "-o", str(tmp_path / "a.skp.yaml"), "--tahun", "2026")
    assert r.returncode == 0 and r.stderr.splitlines() == [
        f"SKP scaffold written: {tmp_path / 'a.skp.yaml'} (period 2026).",
        f"Schema for the editor written: {tmp_path / 'skp.schema.json'} (referenced by the yaml-language-server "
        "line, works offline)."]
    bad = tmp_path / "bad.skp.yaml"
    bad.write_text(MINIMAL.replace("kuantitas: 12,", "kuantitas: 1.240,"), encoding="utf-8")
    r = run_cli("--lang", "en", "render", str(bad), "-o", str(tmp_path / "out"))
    assert r.returncode == 1
    assert "'1.240' uses a dot as thousands separator" in r.stderr


def test_command_lang_wins_over_the_global_one() -> None:
    r = run_cli("--lang", "en", "validate", GURU, "--lang", "id")
    assert r.returncode == 0 and "1 berkas valid." in r.stderr


def test_score_text_has_no_indonesian_headers_in_english() -> None:
    r = run_cli("--lang", "en", "score", ANALIS)
    header = next(line for line in r.stdout.splitlines() if line.startswith("ID "))
    assert header.split() == ["ID", "Kind", "Activity", "Quantity", "Quality", "Time", "Cost", "Sum", "Score"]
    assert "SKP score (nilai SKP): 95,81 (Sangat Baik)" in r.stdout


def test_every_rule_has_english_documentation() -> None:
    from skpgen.commands.lint import rule_markdown
    from skpgen.rules import RULES, _docs_en

    missing = [code for code in RULES if code not in _docs_en()]
    assert missing == [], f"add English texts for {missing} to skpgen/lint/docs_en.toml"
    for mod in RULES.values():
        page = rule_markdown(mod, "en")
        assert "Indonesian only" not in page and "Apa yang diperiksa" not in page and "Keluarga" not in page
        assert page.count("```yaml") >= 2 or mod.CODE in ("E091",), mod.CODE  # both examples kept


def test_singular_forms() -> None:
    from skpgen.i18n import t

    assert t("cli.summary_ok", "en", n=1) == "1 file valid."
    assert t("cli.summary_ok", "en", n=2) == "2 files valid."
    assert t("cli.summary_ok", "id", n=1) == "1 berkas valid."
