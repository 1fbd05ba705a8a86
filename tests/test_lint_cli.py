"""`skpgen lint` / `skpgen rules` end to end: config, suppression, formats, exit codes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from skpgen.lint.config import Config, ConfigError, parse_config
from test_lint_rules import lint_example, merge_example

ROOT = Path(__file__).resolve().parents[1]
# the official OASIS schema, copied into the repository so that every clone checks it
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

CLEAN = merge_example("persetujuan: {dibahas: 2025-01-08, ditandatangani: 2025-01-10, tempat: Kota Contoh}\n")
# warnings only: no pembahasan with the supervisor (P609) and a vague qualifier on K1 (S104)
WARN = merge_example(
    "persetujuan: {ditandatangani: 2025-01-10, tempat: Kota Contoh}\n"
    "kegiatan:\n"
    "  - id: K1\n"
    "    uraian: Menyusun RKA Bagian Perencanaan dengan baik\n"
    "    jenis: utama\n"
    "    mendukung: [SS1]\n"
    "    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}\n"
    "  - {id: K2, uraian: Menyusun kajian kebijakan pangan, jenis: utama, mendukung: [SS1], target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}}\n"
    "  - {id: K3, uraian: Memverifikasi usulan program, jenis: utama, mendukung: [SS1], target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}}\n"
    "  - {id: K4, uraian: Menganalisis capaian indikator kinerja, jenis: utama, mendukung: [SS1], target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}}\n"
    "  - {id: K5, uraian: Menyusun laporan kinerja instansi, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 2}}\n"
)
# an error-severity finding: the assessing official is the employee (P607)
ERROR = CLEAN.replace('nip: "197104221996032003"', 'nip: "198503122010011002"')


def _write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def cli(cli):
    """The conftest runner, importable from any working directory (tests run without installing)."""
    import os

    def run(*args, cwd=None, env=None):
        extra = {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        return cli(*args, cwd=cwd, env={**extra, **(env or {})})

    return run


def _json(cli, *args, cwd=None, env=None):
    r = cli("lint", "--format", "json", *args, cwd=cwd, env=env)
    return r, json.loads(r.stdout) if r.stdout.strip() else None


# ---- exit codes -----------------------------------------------------------------------------------

def test_clean_plan_exits_0(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", CLEAN)
    r, data = _json(cli, str(p))
    assert r.returncode == 0, r.stderr
    assert data == []


def test_warnings_exit_0_strict_exits_1(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r, data = _json(cli, str(p))
    assert r.returncode == 0
    assert sorted(f["code"] for f in data) == ["P609", "S104"]
    assert cli("lint", "--strict", "--format", "concise", str(p)).returncode == 1
    assert cli("lint", "--strict", "--exit-zero", "--format", "concise", str(p)).returncode == 0


def test_error_finding_exits_1(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", ERROR)
    r, data = _json(cli, str(p))
    assert r.returncode == 1
    assert [f["code"] for f in data] == ["P607"]
    lines = ERROR.splitlines()
    penilai_nip = [i + 1 for i, l in enumerate(lines) if l == '  nip: "198503122010011002"'][1]
    assert data[0]["severity"] == "error" and data[0]["line"] == penilai_nip and data[0]["column"] == 8


def test_unloadable_file_exits_2_and_others_are_linted(cli, tmp_path: Path) -> None:
    _write(tmp_path, "a-rusak.skp.yaml", "versi: 1\nversi: 2\n")
    _write(tmp_path, "b-tidak-valid.skp.yaml", CLEAN.replace("jenis: utama", "jenis: pokok", 1))
    _write(tmp_path, "c.skp.yaml", WARN)
    r, data = _json(cli, str(tmp_path))
    assert r.returncode == 2
    by_file = {}
    for f in data:
        by_file.setdefault(Path(f["file"]).name, []).append(f["code"])
    assert by_file["a-rusak.skp.yaml"] == ["E006"]
    assert by_file["b-tidak-valid.skp.yaml"] == ["E023"]  # schema error only; rules skipped
    assert sorted(by_file["c.skp.yaml"]) == ["P609", "S104"]


def test_schema_invalid_file_exits_1_not_2(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "b.skp.yaml", CLEAN.replace("jenis: utama", "jenis: pokok", 1))
    r, data = _json(cli, str(p))
    assert r.returncode == 1
    assert [f["code"] for f in data] == ["E023"]


# ---- json / concise / full / sarif / github / junit ---------------------------------------------

def test_json_matches_spec_keys_and_order(cli, tmp_path: Path) -> None:
    _write(tmp_path, "b.skp.yaml", WARN)
    _write(tmp_path, "a.skp.yaml", WARN)
    r, data = _json(cli, str(tmp_path))
    assert all(list(f) == ["file", "line", "column", "end_line", "end_column", "code", "name", "severity",
                           "message", "kegiatan"] for f in data)
    keys = [(f["file"], f["line"], f["column"]) for f in data]
    assert keys == sorted(keys)
    s104 = next(f for f in data if f["code"] == "S104")
    assert s104["kegiatan"] == "K1" and s104["name"] == "kualifier-kabur"
    line = WARN.splitlines()[s104["line"] - 1]
    assert line[s104["column"] - 1:s104["end_column"] - 1] == "Menyusun RKA Bagian Perencanaan dengan baik"
    p609 = next(f for f in data if f["code"] == "P609")
    assert p609["kegiatan"] is None and WARN.splitlines()[p609["line"] - 1].startswith("persetujuan:")


def test_concise_and_full(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r = cli("lint", "--format", "concise", str(p))
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{p}:") and " P609 [warning] SKP belum dibahas" in lines[0]
    r = cli("lint", "--format", "full", str(p))
    assert "S104 kualifier-kabur [K1]" in r.stdout and "^^^^" in r.stdout
    assert "2 temuan (0 error, 2 warning, 0 info) dalam 1 dari 1 berkas." in r.stderr


def test_sarif_is_valid_2_1_0(cli, tmp_path: Path) -> None:
    import jsonschema

    _write(tmp_path, "sub/a.skp.yaml", WARN)
    _write(tmp_path, "b.skp.yaml", ERROR)
    r = cli("lint", "--format", "sarif", "--ignore", "P623", ".", cwd=tmp_path)  # same employee twice
    log = json.loads(r.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "S104" in ids and "P607" in ids
    assert all(rule["helpUri"].startswith("https://") and rule["fullDescription"]["text"]
               for rule in run["tool"]["driver"]["rules"])
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in run["results"]}
    assert uris == {"sub/a.skp.yaml", "b.skp.yaml"}
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
    levels = {res["ruleId"]: res["level"] for res in run["results"]}
    assert levels == {"S104": "warning", "P609": "warning", "P607": "error"}


def test_github_annotations_and_auto(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r = cli("lint", "--format", "auto", "a.skp.yaml", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    lines = r.stdout.splitlines()
    assert len(lines) == 2 and all(l.startswith("::warning file=a.skp.yaml,line=") for l in lines)
    assert any("title=S104 kualifier-kabur::S104 " in l for l in lines)
    r = cli("lint", "a.skp.yaml", cwd=tmp_path)  # not a TTY, not Actions: concise
    assert r.stdout.startswith("a.skp.yaml:") and " [warning] " in r.stdout
    assert p.exists()


def test_junit_is_well_formed(cli, tmp_path: Path) -> None:
    _write(tmp_path, "a.skp.yaml", WARN)
    _write(tmp_path, "b.skp.yaml", CLEAN)
    r = cli("lint", "--format", "junit", "--ignore", "P623", str(tmp_path))
    root = ET.fromstring(r.stdout)
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = {Path(c.get("name")).name: c for c in suite.findall("testcase")}
    assert len(cases["a.skp.yaml"].findall("failure")) == 2
    assert cases["b.skp.yaml"].findall("failure") == []


def test_output_file_is_written(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", WARN)
    out = tmp_path / "hasil.json"
    r = cli("lint", "--format", "json", "-o", str(out), str(p))
    assert r.stdout == "" and r.returncode == 0
    assert [f["code"] for f in json.loads(out.read_text(encoding="utf-8"))] == ["P609", "S104"]
    assert [x.name for x in tmp_path.iterdir() if x.name.startswith(".")] == []


def test_lang_en(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r, data = _json(cli, "--lang", "en", str(p))
    msg = next(f["message"] for f in data if f["code"] == "P609")
    assert msg.startswith("The SKP has not been discussed")


def test_redact_masks_nips_and_names(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", ERROR)
    r, data = _json(cli, str(p))
    assert "198503122010011002" in data[0]["message"]
    r, data = _json(cli, "--redact", str(p))
    assert "198503122010011002" not in data[0]["message"] and "1985**************" in data[0]["message"]
    r = cli("lint", "--redact", "--format", "full", str(p))
    assert "198503122010011002" not in r.stdout and "Sri Wahyuni" not in r.stdout


# ---- config ---------------------------------------------------------------------------------------

def test_config_discovery_walks_up(cli, tmp_path: Path) -> None:
    _write(tmp_path, ".skpgen.yaml", "ignore: [P6]\nseverity: {S104: error}\n")
    p = _write(tmp_path, "unit/a.skp.yaml", WARN)
    r, data = _json(cli, str(p))
    assert [(f["code"], f["severity"]) for f in data] == [("S104", "error")]
    assert r.returncode == 1


def test_pyproject_tool_section(cli, tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[tool.skpgen]\nselect = ["S"]\nlang = "en"\n')
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r, data = _json(cli, str(p))
    assert [f["code"] for f in data] == ["S104"]
    assert data[0]["message"].startswith("'dengan baik' is a vague qualifier")


def test_explicit_config_beats_discovery(cli, tmp_path: Path) -> None:
    _write(tmp_path, ".skpgen.yaml", "ignore: [P6]\n")
    cfg = _write(tmp_path, "lain.yaml", "ignore: [S104]\n")
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r, data = _json(cli, "--config", str(cfg), str(p))
    assert [f["code"] for f in data] == ["P609"]


def test_unknown_config_key_exits_2(cli, tmp_path: Path) -> None:
    _write(tmp_path, ".skpgen.yaml", "ignore: [P6]\nignored: [S1]\n")
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r = cli("lint", str(p))
    assert r.returncode == 2
    assert "'ignored'" in r.stderr and "tidak dikenal" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("text,needle", [
    ("options: {A301: {ambang: 3}}\n", "ambang"),
    ("options: {A301: {ambang_persen: tinggi}}\n", "ambang_persen"),
    ("severity: {S104: fatal}\n", "fatal"),
    ("severity: {E091: warning}\n", "E091"),
    ("select: [X9]\n", "X9"),
    ("versi: 1\nversi: 2\n", "versi"),
])
def test_bad_config_values_exit_2(cli, tmp_path: Path, text: str, needle: str) -> None:
    _write(tmp_path, ".skpgen.yaml", text)
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r = cli("lint", str(p))
    assert r.returncode == 2 and needle in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("options,message", [
    # the two the review found: an empty range and a negative threshold
    ({"P601": {"min": 9, "max": 2}}, "'options.P601' tidak sah: min (9) lebih besar dari max (2)"),
    ({"A301": {"ambang_persen": -50}},
     "'options.A301.ambang_persen' tidak sah: opsi 'ambang_persen' aturan A301 harus angka 0–1000, bukan -50"),
    # a relation is judged on the defaults merged with the configured values (max stays 7)
    ({"P601": {"min": 9}}, "min (9) lebih besar dari max (7)"),
    ({"jumlah-kegiatan-utama": {"max": True}}, "harus bilangan bulat 1–100, bukan true"),
    ({"P622": {"batas_hari": 2.5}}, "harus bilangan bulat 0–366, bukan 2.5"),
    ({"P614": {"ambang": 0}}, "harus angka > 0 dan ≤ 1, bukan 0"),
    ({"S105": {"ambang": 1.5}}, "harus angka > 0 dan ≤ 1, bukan 1.5"),
    ({"M203": {"nilai": 120}}, "harus angka > 0 dan ≤ 100, bukan 120"),
    ({"P613": {"ambang": -1}}, "harus angka 0–100, bukan -1"),
])
def test_rule_options_are_validated_by_range_and_relation(options: dict, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_config({"options": options}, "cfg.yaml", Path("."))
    assert message in str(err.value)


def test_rule_options_in_english_and_valid_ranges_pass(cli, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        parse_config({"options": {"P601": {"min": 9, "max": 2}}}, "cfg.yaml", Path("."), "en")
    assert "min (9) is greater than max (2)" in str(err.value)
    cfg = parse_config({"options": {"P601": {"min": 1, "max": 1}, "A301": {"ambang_persen": 0}}}, "c", Path("."))
    assert cfg.options["P601"] == {"min": 1, "max": 1}
    _write(tmp_path, ".skpgen.yaml", "options: {P601: {min: 9, max: 2}}\n")
    p = _write(tmp_path, "a.skp.yaml", WARN)
    r = cli("lint", str(p))
    assert r.returncode == 2 and "min (9) lebih besar dari max (2)" in r.stderr and r.stdout == ""


def test_every_rule_option_is_declared_and_its_default_fits() -> None:
    from skpgen.rules import RULES

    for code, rule in RULES.items():
        conf = getattr(rule, "CONF", {})
        assert set(conf) == set(rule.OPTIONS), code  # every option has its declared type and range
        for name, default in rule.OPTIONS.items():
            assert conf[name].problem(default) is None, (code, name)
        validate = getattr(rule, "VALIDATE", None)
        assert validate is None or validate(dict(rule.OPTIONS)) is None, code


def test_select_ignore_longest_prefix_wins() -> None:
    cfg = parse_config({"select": ["P"], "ignore": ["P6"]}, "t", Path("."))
    assert not cfg.enabled("P609")
    cfg = parse_config({"select": ["P609"], "ignore": ["P6"]}, "t", Path("."))
    assert cfg.enabled("P609") and not cfg.enabled("P601") and not cfg.enabled("S101")
    cfg = parse_config({"ignore": ["S1"]}, "t", Path("."))
    assert cfg.enabled("M201") and not cfg.enabled("S104")
    assert parse_config({"select": ["kata-kerja-operasional"]}, "t", Path(".")).select == ["S101"]
    with pytest.raises(ConfigError):
        parse_config({"selct": ["S"]}, "t", Path("."))


def test_per_file_ignores(cli, tmp_path: Path) -> None:
    _write(tmp_path, ".skpgen.yaml", 'per-file-ignores:\n  "arsip/**": [P609]\n')
    _write(tmp_path, "arsip/2023/a.skp.yaml", WARN)
    _write(tmp_path, "aktif/a.skp.yaml", WARN)
    r, data = _json(cli, "--ignore", "P623", ".", cwd=tmp_path)
    got = sorted((f["file"].replace("\\", "/"), f["code"]) for f in data)
    assert got == [("aktif/a.skp.yaml", "P609"), ("aktif/a.skp.yaml", "S104"), ("arsip/2023/a.skp.yaml", "S104")]


def test_cli_select_and_ignore(cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "a.skp.yaml", WARN)
    assert [f["code"] for f in _json(cli, "--select", "S", str(p))[1]] == ["S104"]
    assert [f["code"] for f in _json(cli, "--ignore", "S104,E", str(p))[1]] == ["P609"]
    assert cli("lint", "--select", "Z1", str(p)).returncode == 2


# ---- suppression ----------------------------------------------------------------------------------

def _suppressed(comment_line: str, where: str = "above") -> list:
    text = WARN
    target = "    uraian: Menyusun RKA Bagian Perencanaan dengan baik"
    if where == "above":
        text = text.replace(target, f"    {comment_line}\n{target}")
    elif where == "inline":
        text = text.replace(target, f"{target}  {comment_line}")
    else:
        text = f"{comment_line}\n{text}"
    return lint_example(text)


def test_suppression_with_reason_above_and_inline() -> None:
    for where in ("above", "inline"):
        codes = [f.code for f in _suppressed("# skpgen: ignore[S104] -- disepakati dengan atasan", where)]
        assert codes == ["P609"], (where, codes)


def test_suppression_by_prefix_and_file_ignore() -> None:
    assert [f.code for f in _suppressed("# skpgen: ignore[S1] -- nama program resmi")] == ["P609"]
    codes = [f.code for f in _suppressed("# skpgen: file-ignore[P609, S104] -- draf awal", "file")]
    assert codes == []


def test_suppression_without_reason_is_reported() -> None:
    found = _suppressed("# skpgen: ignore[S104]")
    assert sorted(f.code for f in found) == ["E092", "P609"]
    e092 = next(f for f in found if f.code == "E092")
    assert "tanpa alasan" in e092.message and e092.severity == "error"


def test_unused_and_unknown_suppressions() -> None:
    found = _suppressed("# skpgen: ignore[S101] -- tidak perlu")
    assert sorted(f.code for f in found) == ["E091", "P609", "S104"]
    assert "S101" in next(f for f in found if f.code == "E091").message
    found = _suppressed("# skpgen: ignore[X123] -- salah ketik")
    assert "E092" in [f.code for f in found]


def test_unused_not_reported_for_disabled_rule() -> None:
    cfg = parse_config({"ignore": ["S101"]}, "t", Path("."))
    text = WARN.replace("    uraian: Menyusun RKA Bagian Perencanaan dengan baik",
                        "    # skpgen: ignore[S101] -- x\n    uraian: Menyusun RKA Bagian Perencanaan dengan baik")
    assert "E091" not in [f.code for f in lint_example(text, config=cfg)]


def test_schema_errors_cannot_be_suppressed() -> None:
    text = "# skpgen: file-ignore[E0] -- coba\n" + CLEAN.replace("jenis: utama", "jenis: pokok", 1)
    assert "E023" in [f.code for f in lint_example(text)]


# ---- --previous, --vocab ------------------------------------------------------------------------

def test_previous_dir_copy_paste(cli, tmp_path: Path) -> None:
    last = CLEAN.replace("tahun: 2025, mulai: 2025-01-02, selesai: 2025-12-31",
                         "tahun: 2024, mulai: 2024-01-02, selesai: 2024-12-31")
    _write(tmp_path, "lalu/2024.skp.yaml", last)
    p = _write(tmp_path, "kini/2025.skp.yaml", CLEAN)
    r, data = _json(cli, "--previous", str(tmp_path / "lalu"), str(p))
    assert [f["code"] for f in data] == ["P614"]
    assert "100% sama dengan SKP tahun 2024" in data[0]["message"]
    r, data = _json(cli, str(p))
    assert data == []


def test_vocab_dir_extends_and_removes(cli, tmp_path: Path) -> None:
    text = WARN.replace("Menyusun kajian kebijakan pangan", "Mengetik kajian kebijakan pangan")
    p = _write(tmp_path, "a.skp.yaml", text)
    assert "R403" in [f["code"] for f in _json(cli, str(p))[1]]
    vocab = tmp_path / "kosakata"
    _write(vocab, "rutinitas-rendah.txt", "!mengetik\n")
    _write(vocab, "kualifier-kabur.txt", "pangan\n")
    codes = [f["code"] for f in _json(cli, "--vocab", str(vocab), str(p))[1]]
    assert "R403" not in codes and codes.count("S104") == 2
    assert cli("lint", "--vocab", str(tmp_path / "tidak-ada"), str(p)).returncode == 2


# ---- examples and rules ---------------------------------------------------------------------------

def test_examples_realistic_nearly_clean_and_weak_draft_flagged(cli) -> None:
    r, data = _json(cli, "examples/")
    assert r.returncode in (0, 1)
    weak = [f for f in data if f["file"].endswith("draf-lemah.skp.yaml")]
    others = [f for f in data if not f["file"].endswith("draf-lemah.skp.yaml")]
    assert {f["code"][0] for f in weak} >= set("SMARTP")
    assert len(weak) >= 10
    assert [f for f in others if f["severity"] == "error"] == []
    assert len([f for f in others if f["severity"] == "warning"]) <= 2


def test_rules_list_and_one_rule(cli) -> None:
    r = cli("rules")
    assert r.returncode == 0
    rows = r.stdout.splitlines()
    assert len(rows) >= 45 and rows[0].startswith("A301  target-di-atas-historis")
    r = cli("rules", "S101")
    assert "## S101 kata-kerja-aktif" in r.stdout
    for title in ("Apa yang diperiksa", "Mengapa", "Contoh buruk", "Contoh baik", "Opsi"):
        assert f"### {title}" in r.stdout
    r = cli("rules", "--format", "json")
    assert {x["code"] for x in json.loads(r.stdout)} >= {"S101", "P614", "E090"}
    r = cli("rules", "X999")
    assert r.returncode == 2 and "tidak dikenal" in r.stderr


def test_redactor_masks_known_names_and_any_nip() -> None:
    from skpgen.lint.formats import Redactor, collect_names

    names = collect_names({"pejabat_penilai": {"nama": "Dra. Sri Wahyuni, M.Si."}, "pegawai": {"nama": "Ali Rahman"}})
    assert names == {"Dra. Sri Wahyuni, M.Si.", "Dra. Sri Wahyuni", "Ali Rahman"}
    red = Redactor(names)
    assert red("Penilai Dra. Sri Wahyuni, M.Si. (NIP 197104221996032003) menilai Ali Rahman") == \
        "Penilai [nama] (NIP 1971**************) menilai [nama]"
    assert red("nomor 12345") == "nomor 12345"


def test_messages_are_fully_formatted_and_translated() -> None:
    import re

    from skpgen.lint.config import Config as _Config
    from skpgen.lint.engine import Settings, lint_document, lint_path
    from skpgen.loader import load_text
    from test_lint_corpus import build, corpus

    by_lang = {}
    for lang in ("id", "en"):
        settings = Settings(_Config(), lang=lang)
        findings = []
        for path in sorted((ROOT / "examples").glob("*.yaml")):
            findings += lint_path(path, str(path), settings).findings
        for item in corpus():
            findings += lint_document(load_text(build(item), item["id"]), settings)
        assert not settings.crashes
        by_lang[lang] = findings
    assert len(by_lang["id"]) == len(by_lang["en"]) > 80
    for f_id, f_en in zip(by_lang["id"], by_lang["en"]):
        assert (f_id.file, f_id.line, f_id.code) == (f_en.file, f_en.line, f_en.code)
        for f in (f_id, f_en):
            assert not re.search(r"\{[a-z_]+(:[^}\s]*)?\}", f.message), (f.code, f.message)
            assert f.line >= 1 and f.column >= 1 and (f.end_line, f.end_column) >= (f.line, f.column)
        assert f_id.message != f_en.message, (f_id.code, f_id.message)


def test_max_bytes_from_config(cli, tmp_path: Path) -> None:
    _write(tmp_path, ".skpgen.yaml", "max-bytes: 100\n")
    p = _write(tmp_path, "a.skp.yaml", CLEAN)
    r, data = _json(cli, str(p))
    assert r.returncode == 2 and [f["code"] for f in data] == ["E003"]


def test_previous_version_revision_deleting_kegiatan(cli, tmp_path: Path) -> None:
    old = _write(tmp_path, "versi-lama/a.skp.yaml", CLEAN)
    new_text = CLEAN
    lines = new_text.splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if l.startswith("  - id: K5"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    new_text = "".join(lines[:start] + lines[end:]) + "revisi:\n  - {tanggal: 2025-07-01, alasan: Penyesuaian, disetujui: true}\n"
    p = _write(tmp_path, "a.skp.yaml", new_text)
    r, data = _json(cli, "--previous", str(old), str(p))
    codes = [f["code"] for f in data]
    assert "P615" in codes and "P614" not in codes
    msg = next(f["message"] for f in data if f["code"] == "P615")
    assert "'K5'" in msg and "laporan kinerja" in msg


def test_cross_file_reference_to_supervisor_plan(cli, tmp_path: Path) -> None:
    atasan = merge_example(
        'pegawai: {nama: "Dra. Sri Wahyuni, M.Si.", nip: "197104221996032003", pangkat: Pembina, golongan: IV/a, '
        "jabatan: Kepala Bagian Perencanaan, jenis_jabatan: struktural, unit_kerja: Sekretariat Daerah, "
        "pengelola_anggaran: true}\n"
        'pejabat_penilai: {nama: "Ir. Bambang Setiawan", nip: "196805141994031005", pangkat: Pembina Utama Muda, '
        "golongan: IV/c, jabatan: Asisten, jenis_jabatan: struktural, unit_kerja: Sekretariat Daerah}\n")
    bawahan = CLEAN.replace("mendukung: [SS1]", 'mendukung: ["197104221996032003#K7"]', 1)
    _write(tmp_path, "unit/atasan.skp.yaml", atasan)
    _write(tmp_path, "unit/bawahan.skp.yaml", bawahan)
    r, data = _json(cli, str(tmp_path / "unit"))
    assert [(Path(f["file"]).name, f["code"], f["kegiatan"]) for f in data] == [("bawahan.skp.yaml", "R406", "K1")]
    assert "tidak punya kegiatan/RHK 'K7'" in data[0]["message"]
    shown = cli("lint", "--redact", "--format", "full", str(tmp_path / "unit")).stdout
    assert "R406" in shown and "197104221996032003" not in shown and "1971**************#K7" in shown
    # alone (supervisor plan not in the run) the reference cannot be judged
    r, data = _json(cli, str(tmp_path / "unit" / "bawahan.skp.yaml"))
    assert data == []
    # a justified suppression silences it and is not reported as unused
    quiet = bawahan.replace('    mendukung: ["197104221996032003#K7"]',
                            '    # skpgen: ignore[R406] -- K7 ditambahkan pada revisi SKP atasan\n'
                            '    mendukung: ["197104221996032003#K7"]')
    _write(tmp_path, "unit/bawahan.skp.yaml", quiet)
    r, data = _json(cli, str(tmp_path / "unit"))
    assert data == []


def test_rule_options_change_behaviour() -> None:
    snippet = ("kegiatan:\n  - {id: K1, uraian: Merealisasikan kunjungan lapangan terjadwal, jenis: utama, "
               "mendukung: [SS1], target: {kuantitas: 100, satuan: persen, kualitas: 100, waktu: 12}, "
               "historis: [{tahun: 2024, kuantitas: 70}]}\n")
    found = [f for f in lint_example(snippet) if f.code == "A301"]
    assert len(found) == 1 and "43% di atas capaian terbaik historis (70, tahun 2024)" in found[0].message
    assert "paling tinggi 84" in found[0].message
    relaxed = parse_config({"options": {"target-di-atas-historis": {"ambang_persen": 50}}}, "t", Path("."))
    assert [f for f in lint_example(snippet, config=relaxed) if f.code == "A301"] == []
    few = parse_config({"options": {"P601": {"min": 1, "max": 3}}}, "t", Path("."))
    assert [f.code for f in lint_example(snippet, config=few)].count("P601") == 0
    assert [f.code for f in lint_example(snippet)].count("P601") == 1


def test_output_to_existing_devices_and_fifos(cli, tmp_path: Path) -> None:
    import os
    import stat

    p = _write(tmp_path, "a.skp.yaml", WARN)
    r = cli("lint", "--format", "json", "-o", "/dev/null", str(p))
    assert r.returncode == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "keluar.json"
    os.mkfifo(fifo)
    r = cli("lint", "--format", "json", "-o", str(fifo), str(p))  # no reader: a clear error, no hang
    assert r.returncode == 2 and "keluar.json" in r.stderr and "Traceback" not in r.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_overlapping_periods_of_one_employee_across_files(cli, tmp_path: Path) -> None:
    first = CLEAN.replace("tahun: 2025, mulai: 2025-01-02, selesai: 2025-12-31",
                          "tahun: 2025, mulai: 2025-01-02, selesai: 2025-06-30")
    second = CLEAN.replace("tahun: 2025, mulai: 2025-01-02, selesai: 2025-12-31",
                           "tahun: 2025, mulai: 2025-05-01, selesai: 2025-12-31")
    _write(tmp_path, "mutasi/unit-a.skp.yaml", first)
    _write(tmp_path, "mutasi/unit-b.skp.yaml", second)
    r, data = _json(cli, "--select", "P623", str(tmp_path / "mutasi"))
    assert sorted((Path(f["file"]).name, f["code"]) for f in data) == [
        ("unit-a.skp.yaml", "P623"), ("unit-b.skp.yaml", "P623")]
    assert "2025-05-01 s.d. 2025-12-31" in next(f["message"] for f in data if f["file"].endswith("unit-a.skp.yaml"))
    sequential = second.replace("mulai: 2025-05-01", "mulai: 2025-07-01")
    _write(tmp_path, "mutasi/unit-b.skp.yaml", sequential)
    assert _json(cli, "--select", "P623", str(tmp_path / "mutasi"))[1] == []
