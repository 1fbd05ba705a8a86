"""The published JSON Schema (schemas/skp.schema.json) and the bundled examples (examples/*.skp.yaml).

The schema must stay plain draft-07 (yaml-language-server, check-jsonschema), document every property in
Indonesian, and accept every example as loaded by the project's loader; the negative checks pin down the
structural rules of SPEC §3 that the schema (not the cross-field code) is responsible for.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from jsonschema import Draft7Validator

from skpgen.loader import load_path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schemas" / "skp.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("*.skp.yaml"))
MODELINE = "# yaml-language-server: $schema=../schemas/skp.schema.json"

BERAKHLAK = ["berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft7Validator:
    return Draft7Validator(schema)


def example(name: str) -> dict[str, Any]:
    return copy.deepcopy(load_path(ROOT / "examples" / name).data)


def errors(validator: Draft7Validator, data: Any) -> list[tuple[tuple[Any, ...], str | None]]:
    """(path, keyword) of every schema error, sorted, so tests can say exactly what failed where."""
    found = [(tuple(e.absolute_path), e.validator) for e in validator.iter_errors(data)]
    return sorted(found, key=lambda item: (tuple(str(part) for part in item[0]), str(item[1])))


def documented_schemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property schema reachable from the root, skipping the if/then regime switches."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict):
                yield f"{where}/properties/{name}", sub
        for key, sub in node.items():
            if key in ("if", "then", "else"):
                continue
            if isinstance(sub, (dict, list)):
                yield from documented_schemas(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from documented_schemas(sub, f"{where}/{i}")


# ---- the schema itself --------------------------------------------------------------------------


def test_schema_is_valid_draft7_with_stable_id(schema: dict[str, Any]) -> None:
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == "https://skpgen.github.io/schemas/skp/v1/skp.schema.json"
    assert schema["required"] == ["versi", "aturan", "instansi", "periode", "pegawai", "pejabat_penilai",
                                  "kegiatan"]


def test_schema_uses_no_post_draft7_keywords() -> None:
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    for keyword in ("$defs", "unevaluatedProperties", "unevaluatedItems", "dependentRequired",
                    "dependentSchemas", "prefixItems", "$anchor", "$dynamicRef", "minContains", "$recursiveRef"):
        assert f'"{keyword}"' not in text, keyword


def test_every_property_has_indonesian_title_description_and_examples(schema: dict[str, Any]) -> None:
    seen = 0
    for where, sub in documented_schemas(schema):
        seen += 1
        assert isinstance(sub.get("title"), str) and sub["title"], where
        assert isinstance(sub.get("description"), str) and len(sub["description"]) >= 10, where
        # an example, or a snippet (identities: an example would be inserted with the NIP unquoted)
        assert (isinstance(sub.get("examples"), list) and sub["examples"]) or sub.get("defaultSnippets"), where
    assert seen > 100  # the walk really covers the nested definitions


def test_every_object_schema_is_closed(schema: dict[str, Any]) -> None:
    def walk(node: Any, where: str) -> Iterator[str]:
        if isinstance(node, dict):
            if "properties" in node and where.split("/")[-1] not in ("if", "then"):
                yield where
            for key, sub in node.items():
                yield from walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                yield from walk(sub, f"{where}/{i}")

    objects = list(walk(schema, "#"))
    assert len(objects) > 10
    open_ones = []
    for where in objects:
        node: Any = schema
        for part in where.split("/")[1:]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if "/if/" in where or "/then/" in where or where.endswith("/then"):
            continue
        if node.get("additionalProperties") is not False:
            open_ones.append(where)
    assert open_ones == []


def test_schema_examples_validate_against_their_own_property(schema: dict[str, Any],
                                                             validator: Draft7Validator) -> None:
    bad = []
    for where, sub in documented_schemas(schema):
        for value in sub.get("examples", []):
            if any(True for _ in validator.evolve(schema=sub).iter_errors(value)):
                bad.append((where, value))
    assert bad == []


def _snippet_text(body: Any, indent: str = "") -> str:
    """The YAML an editor inserts for a defaultSnippets body, placeholders filled with their defaults
    ("^" marks text inserted as is, e.g. a quoted NIP)."""
    import re

    def scalar(v: Any) -> str:
        text = v[1:] if isinstance(v, str) and v.startswith("^") else str(v)
        return re.sub(r"\$\{\d+:([^}]*)\}", r"\1", text)

    lines = []
    for key, value in body.items():
        if isinstance(value, list):
            lines.append(f"{indent}{key}:")
            lines.extend(f"{indent}  - {scalar(v)}" for v in value)
        else:
            lines.append(f"{indent}{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def test_default_snippets_insert_valid_yaml(schema: dict[str, Any], validator: Draft7Validator) -> None:
    """Issue 10: the identity snippets inserted `nip: 198503122010011002` unquoted (a number)."""
    from skpgen.loader import load_text

    found = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for snippet in node.get("defaultSnippets", []):
                found.append((where, node, snippet))
            for key, sub in node.items():
                walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}/{i}")

    walk(schema, "#")
    assert {w for w, _, _ in found} >= {"#/properties/pegawai", "#/properties/pejabat_penilai",
                                        "#/properties/atasan_pejabat_penilai"}
    for where, node, snippet in found:
        data = load_text(_snippet_text(snippet["body"]), "snippet").data
        assert list(validator.evolve(schema={**node, "definitions": schema["definitions"]}).iter_errors(data)) == [], where
        if "nip" in data:
            assert isinstance(data["nip"], str) and len(data["nip"]) == 18, where


def test_regime_switch_is_if_then_on_aturan(schema: dict[str, Any]) -> None:
    branches = {b["if"]["properties"]["aturan"]["const"]: b for b in schema["allOf"]}
    assert set(branches) == {"pp46-2011", "permenpanrb-6-2022"}
    for b in branches.values():
        assert b["if"]["required"] == ["aturan"]  # a missing aturan must not match a branch vacuously
    assert branches["pp46-2011"]["then"]["properties"]["perilaku_kerja"] == {"$ref": "#/definitions/perilaku_pp46"}
    assert branches["permenpanrb-6-2022"]["then"]["properties"]["perilaku_kerja"] == {
        "$ref": "#/definitions/perilaku_berakhlak"}
    assert "oneOf" not in SCHEMA_PATH.read_text(encoding="utf-8")


# ---- the examples -------------------------------------------------------------------------------


def test_at_least_six_examples_for_the_required_positions() -> None:
    names = {p.name for p in EXAMPLES}
    assert {"analis-kebijakan-2025.skp.yaml", "arsiparis-2025.skp.yaml", "guru-2025.skp.yaml",
            "kepala-seksi-2025.skp.yaml", "pranata-komputer-2024.skp.yaml", "draf-lemah.skp.yaml"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_starts_with_modeline_and_validates(path: Path, validator: Draft7Validator) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE
    data = load_path(path).data
    assert errors(validator, data) == []
    assert data["versi"] == 1
    ids = [k["id"] for k in data["kegiatan"]]
    assert len(ids) == len(set(ids))
    local = {s["id"] for s in data.get("keselarasan", [])} | set(ids)
    for k in data["kegiatan"]:
        for ref in k.get("mendukung", []):
            assert ref in local or "#" in ref, (k["id"], ref)
    # the penilai outranks the employee (golongan compared as ruang then letter)
    rank = lambda g: (["I", "II", "III", "IV"].index(g.split("/")[0]), g.split("/")[1])  # noqa: E731
    assert rank(data["pejabat_penilai"]["golongan"]) > rank(data["pegawai"]["golongan"])


def test_analis_kebijakan_grows_the_guide_example() -> None:
    data = example("analis-kebijakan-2025.skp.yaml")
    assert data["aturan"] == "pp46-2011"
    assert data["pegawai"]["jabatan"] == "Analis Kebijakan Ahli Muda"
    assert data["periode"]["tahun"] == 2025
    by_id = {k["id"]: k for k in data["kegiatan"]}
    assert by_id["K1"]["uraian"].startswith("Menyusun RKA Unit Kerja")
    assert by_id["K1"]["target"]["tenggat"] == "2025-03-31"
    assert "e-Planning" in by_id["K2"]["uraian"]
    assert (by_id["T1"]["jenis"], by_id["T1"]["uraian"]) == ("tambahan", "Memfasilitasi FGD Sinkronisasi Program Lintas OPD")
    assert by_id["C1"]["jenis"] == "kreatif" and "nfografis" in by_id["C1"]["uraian"]
    assert by_id["C1"]["tingkat"] == "organisasi"
    assert 5 <= sum(k["jenis"] == "utama" for k in data["kegiatan"]) <= 7
    assert all(k["bukti"] for k in data["kegiatan"] if k["jenis"] != "utama")
    assert data["jadwal_review"] == ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-15"]
    assert data["persetujuan"]["dibahas"] == "2025-01-08"


def test_arsiparis_digitalises_1000_documents_by_end_of_q1() -> None:
    data = example("arsiparis-2025.skp.yaml")
    k1 = data["kegiatan"][0]
    assert k1["uraian"].startswith("Melakukan digitalisasi 1.000 dokumen arsip")
    assert k1["target"] == {"kuantitas": 1000, "satuan": "dokumen", "kualitas": 100, "waktu": 3,
                            "satuan_waktu": "bulan", "tenggat": "2025-03-31"}
    assert k1["realisasi"]["kuantitas"] == 1000


def test_year_end_examples_carry_realisation_behaviour_and_monitoring() -> None:
    for name in ("analis-kebijakan-2025.skp.yaml", "arsiparis-2025.skp.yaml", "kepala-seksi-2025.skp.yaml"):
        data = example(name)
        utama = [k for k in data["kegiatan"] if k["jenis"] == "utama"]
        assert all(k.get("realisasi") for k in utama), name
        assert set(data["perilaku_kerja"]) >= {"orientasi_pelayanan", "integritas", "komitmen", "disiplin",
                                               "kerja_sama"}
        dates = [p["tanggal"] for k in data["kegiatan"] for p in k.get("pemantauan", [])]
        assert dates and all(d.startswith("2025-") for d in dates), name
        for k in data["kegiatan"]:
            log = [p["tanggal"] for p in k.get("pemantauan", [])]
            assert log == sorted(log), (name, k["id"])  # oldest first


def test_guru_is_jft_with_ak_per_butir() -> None:
    data = example("guru-2025.skp.yaml")
    assert data["pegawai"]["jenis_jabatan"] == "fungsional_tertentu"
    assert all(k["angka_kredit"] > 0 for k in data["kegiatan"] if k["jenis"] == "utama")


def test_kepala_seksi_is_a_budget_holder_with_integer_rupiah_and_kepemimpinan() -> None:
    data = example("kepala-seksi-2025.skp.yaml")
    assert data["pegawai"]["jenis_jabatan"] == "struktural"
    assert data["pegawai"]["pengelola_anggaran"] is True
    biaya = [(k["target"]["biaya"], k["realisasi"]["biaya"]) for k in data["kegiatan"]
             if k.get("target", {}).get("biaya")]
    assert biaya == [(180000000, 172500000), (15000000, 14200000), (20000000, 19000000)]
    assert data["perilaku_kerja"]["kepemimpinan"] == 85


def test_pranata_komputer_is_a_full_6_2022_plan() -> None:
    data = example("pranata-komputer-2024.skp.yaml")
    assert data["aturan"] == "permenpanrb-6-2022"
    utama = [k for k in data["kegiatan"] if k["jenis"] == "utama"]
    assert all(k["uraian"].startswith(("Meningkatnya", "Terwujudnya")) for k in utama)
    assert all(k.get("rhk_atasan") for k in data["kegiatan"])
    assert all(i.get("aspek") and i.get("target") is not None for k in data["kegiatan"] for i in k["indikator"])
    assert list(data["perilaku_kerja"]) == BERAKHLAK
    assert set(data["lampiran"]) == {"dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"}
    assert [e["periode"] for e in data["evaluasi"]] == ["triwulan-1", "triwulan-2", "triwulan-3", "triwulan-4",
                                                         "tahunan"]


def test_weak_draft_is_schema_valid_but_has_the_planted_problems(validator: Draft7Validator) -> None:
    data = example("draf-lemah.skp.yaml")
    assert errors(validator, data) == []
    kegiatan = {k["id"]: k for k in data["kegiatan"]}
    assert sum(k["jenis"] == "utama" for k in kegiatan.values()) == 3
    assert kegiatan["K1"]["uraian"].startswith("Membantu")
    assert kegiatan["K2"]["uraian"] == "Melaksanakan tugas lain yang diberikan atasan"
    assert "dengan baik" in kegiatan["K3"]["uraian"]
    assert kegiatan["K1"]["target"]["kualitas"] == 90 and "satuan" not in kegiatan["K1"]["target"]
    assert not any(k.get("mendukung") for k in kegiatan.values()) and data["keselarasan"]
    assert "bukti" not in kegiatan["T1"] and "tingkat" not in kegiatan["C1"]
    assert data["pegawai"]["pengelola_anggaran"] is False and kegiatan["K2"]["target"]["biaya"] == 5000000
    assert "jadwal_review" not in data and "persetujuan" not in data


# ---- negative and boundary checks ---------------------------------------------------------------


def test_nip_as_number_is_rejected(validator: Draft7Validator) -> None:
    data = example("analis-kebijakan-2025.skp.yaml")
    data["pegawai"]["nip"] = 198503122010011002
    assert errors(validator, data) == [(("pegawai", "nip"), "type")]
    data["pegawai"]["nip"] = "19850312201001100"  # 17 digits
    assert errors(validator, data) == [(("pegawai", "nip"), "pattern")]


def test_unknown_keys_are_rejected_at_every_level(validator: Draft7Validator) -> None:
    data = example("analis-kebijakan-2025.skp.yaml")
    data["catatan_bebas"] = "x"
    data["kegiatan"][0]["target"]["kuantitas_output"] = 1
    data["pegawai"]["email"] = "ali@contoh.go.id"
    assert errors(validator, data) == [((), "additionalProperties"),
                                       (("kegiatan", 0, "target"), "additionalProperties"),
                                       (("pegawai",), "additionalProperties")]


def test_invalid_enumerations_are_rejected(validator: Draft7Validator) -> None:
    data = example("analis-kebijakan-2025.skp.yaml")
    data["kegiatan"][0]["jenis"] = "pokok"
    data["kegiatan"][1]["pemantauan"][0]["status"] = "delayed"
    data["pegawai"]["jenis_jabatan"] = "JFT"
    data["kegiatan"][7]["tingkat"] = "provinsi"
    data["aturan"] = "pp30-2019"
    assert errors(validator, data) == [
        (("aturan",), "enum"), (("kegiatan", 0, "jenis"), "enum"), (("kegiatan", 1, "pemantauan", 0, "status"), "enum"),
        (("kegiatan", 7, "tingkat"), "enum"), (("pegawai", "jenis_jabatan"), "enum")]


def test_utama_without_target_is_rejected_but_tambahan_and_kreatif_may_omit_it(validator: Draft7Validator) -> None:
    data = example("analis-kebijakan-2025.skp.yaml")
    del data["kegiatan"][2]["target"]
    del data["kegiatan"][6]["target"]  # tambahan
    del data["kegiatan"][7]["target"]  # kreatif
    assert errors(validator, data) == [(("kegiatan", 2), "required")]


def test_6_2022_rhk_carries_its_targets_in_the_iki(validator: Draft7Validator) -> None:
    data = example("pranata-komputer-2024.skp.yaml")
    assert all("target" not in k for k in data["kegiatan"])
    data["kegiatan"][0]["indikator"][0]["target"] = {"satuan": "persen"}  # nilai missing
    data["kegiatan"][0]["indikator"][1]["target"] = ""
    assert errors(validator, data) == [(("kegiatan", 0, "indikator", 0, "target"), "required"),
                                       (("kegiatan", 0, "indikator", 1, "target"), "minLength")]


def test_regime_specific_keys_are_refused_in_the_other_regime(validator: Draft7Validator) -> None:
    pp46 = example("analis-kebijakan-2025.skp.yaml")
    pp46["lampiran"] = {"konsekuensi": ["x"]}
    pp46["evaluasi"] = []
    pp46["kegiatan"][0]["rhk_atasan"] = "Meningkatnya kualitas perencanaan"
    pp46["kegiatan"][0]["perspektif"] = "anggaran"
    # refused through propertyNames (editors show it at the key, and do not offer these keys)
    refused = sorted((tuple(e.absolute_path) + (e.instance,), e.schema_path[-2])
                     for e in validator.iter_errors(pp46))
    assert refused == [(("evaluasi",), "propertyNames"), (("kegiatan", 0, "perspektif"), "propertyNames"),
                       (("kegiatan", 0, "rhk_atasan"), "propertyNames"), (("lampiran",), "propertyNames")]

    pp46 = example("analis-kebijakan-2025.skp.yaml")
    pp46["perilaku_kerja"] = {k: None for k in BERAKHLAK}
    found = errors(validator, pp46)
    assert (("perilaku_kerja",), "additionalProperties") in found and (("perilaku_kerja",), "required") in found

    baru = example("pranata-komputer-2024.skp.yaml")
    baru["perilaku_kerja"] = {"orientasi_pelayanan": 85, "integritas": 88, "komitmen": 84, "disiplin": 90,
                              "kerja_sama": 86}
    found = errors(validator, baru)
    assert (("perilaku_kerja",), "additionalProperties") in found and (("perilaku_kerja",), "required") in found


def test_perilaku_values(validator: Draft7Validator) -> None:
    data = example("kepala-seksi-2025.skp.yaml")
    del data["perilaku_kerja"]["kepemimpinan"]  # optional in the schema (a lint rule judges it)
    assert errors(validator, data) == []
    del data["perilaku_kerja"]["disiplin"]
    data["perilaku_kerja"]["integritas"] = 101
    assert errors(validator, data) == [(("perilaku_kerja",), "required"), (("perilaku_kerja", "integritas"), "maximum")]

    baru = example("pranata-komputer-2024.skp.yaml")
    baru["perilaku_kerja"]["loyal"] = {"ekspektasi_khusus": None}
    assert errors(validator, baru) == []
    baru["perilaku_kerja"]["loyal"] = {"nilai": 90}
    del baru["perilaku_kerja"]["harmonis"]
    assert errors(validator, baru) == [(("perilaku_kerja",), "required"),
                                       (("perilaku_kerja", "loyal"), "additionalProperties")]


def test_numbers_left_to_the_cross_field_checks_and_lint(validator: Draft7Validator) -> None:
    data = example("kepala-seksi-2025.skp.yaml")
    k = data["kegiatan"][0]
    k["target"]["kualitas"] = 120         # lint (M2xx) flags > 100; the schema only forbids < 0
    k["realisasi"]["waktu"] = -1          # negative realisation: cross-field error
    assert errors(validator, data) == []
    # a target of 0 is refused by the schema too (exclusiveMinimum, so editors show it); validate
    # reports it once, as the cross-field E054 that names the kegiatan
    k["target"]["kuantitas"] = 0
    assert errors(validator, data) == [(("kegiatan", 0, "target", "kuantitas"), "exclusiveMinimum")]
    k["target"]["kuantitas"] = 1
    k["target"]["kualitas"] = -5
    k["target"]["biaya"] = 1500000.5      # money is an integer number of rupiah
    k["pemantauan"][0]["progres"] = 120
    assert errors(validator, data) == [(("kegiatan", 0, "pemantauan", 0, "progres"), "maximum"),
                                       (("kegiatan", 0, "target", "biaya"), "type"),
                                       (("kegiatan", 0, "target", "kualitas"), "minimum")]


def test_dates_ids_and_training_months(validator: Draft7Validator) -> None:
    data = example("analis-kebijakan-2025.skp.yaml")
    data["rencana_pelatihan"][0]["waktu"] = "2025-06"
    data["rencana_pelatihan"][1]["waktu"] = "2025-02-10"
    assert errors(validator, data) == []
    data["rencana_pelatihan"][0]["waktu"] = "Juni 2025"
    data["periode"]["mulai"] = "2/1/2025"
    data["kegiatan"][0]["id"] = "1K"
    data["kegiatan"][1]["mendukung"] = ["SS1", "1985#K1"]
    assert errors(validator, data) == [(("kegiatan", 0, "id"), "pattern"), (("kegiatan", 1, "mendukung", 1), "pattern"),
                                       (("periode", "mulai"), "pattern"), (("rencana_pelatihan", 0, "waktu"), "pattern")]
    data = example("analis-kebijakan-2025.skp.yaml")
    data["kegiatan"][1]["mendukung"] = ["SS1", "197104221996032003#K2"]
    assert errors(validator, data) == []
    data["kegiatan"] = []
    assert errors(validator, data) == [(("kegiatan",), "minItems")]


def test_missing_top_level_and_person_fields(validator: Draft7Validator) -> None:
    data = example("guru-2025.skp.yaml")
    del data["pejabat_penilai"]
    del data["pegawai"]["golongan"]
    data["versi"] = 2
    assert errors(validator, data) == [((), "required"), (("pegawai",), "required"), (("versi",), "const")]
