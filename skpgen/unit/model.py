"""The unit file (``*.unit.yaml``, SPEC §11): strict loading, validation and the :class:`Unit` model.

A unit file is loaded by the same strict loader as a plan (YAML 1.2 scalars, no aliases, duplicate
keys refused, size and depth capped) and validated against its own published schema
(``schemas/unit.schema.json``) with the same located, translated messages. Plainly impossible facts
of the file itself are E07x errors: a NIP listed twice in the matrix, a team leader who is also a
member of the team.

The model is plain, picklable data (no node tree): the positions the cascading rules need to point
into the unit file are kept in :attr:`Unit.locs`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skpgen.findings import Finding
from skpgen.i18n import Catalogue
from skpgen.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # the loader (and YAML) is imported where a file is read: the cross-file lint of
    from skpgen.loader import Document, Node  # a cached run needs neither

from skpgen.fsutil import UNIT_SUFFIXES, is_unit_file  # noqa: F401 - the names of unit files
PERIODS = ("triwulan-1", "triwulan-2", "triwulan-3", "triwulan-4", "tahunan")
PREDIKAT_ORGANISASI = ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")

MESSAGES = Catalogue(Path(__file__).resolve().parent / "messages.toml")

Loc = tuple[int, int, int, int]  # line, column, end line, end column (1-based, end exclusive)
Path_ = tuple[str | int, ...]


def ut(key: str, lang: str = "id", /, **kw: Any) -> str:
    """A message of the unit catalogue (``skpgen/unit/messages.toml``)."""
    return MESSAGES.t(key, lang, **kw)


@dataclass(frozen=True, slots=True)
class MatriksRow:
    """One row of a written Matriks Peran Hasil: the employee and their role per supervisor column."""

    index: int
    nip: str
    peran: tuple[tuple[str, str], ...]  # (column id "RHK1" or IKI id "RHK1.2", role text), file order
    atasan: str | None = None  # explicit owner of the columns (two-level cascading)
    nama: str | None = None
    jabatan: str | None = None


@dataclass(frozen=True, slots=True)
class Tim:
    index: int
    nama: str
    ketua: str
    anggota: tuple[str, ...]


@dataclass(frozen=True)
class Unit:
    """A validated unit file as plain data."""

    file: str
    nama: str
    instansi: str
    tahun: int
    pimpinan: str
    predikat_organisasi: dict[str, str] = field(default_factory=dict)
    matriks: tuple[MatriksRow, ...] = ()
    tim: tuple[Tim, ...] = ()
    locs: dict[Path_, Loc] = field(default_factory=dict, repr=False, compare=False)

    @property
    def folder(self) -> Path:
        """The folder the unit covers (its plans are this folder's files, recursively)."""
        return Path(self.file).parent

    def row(self, nip: str) -> MatriksRow | None:
        for row in self.matriks:
            if row.nip == nip:
                return row
        return None

    def ketua_of(self, nip: str) -> str | None:
        """The team leader of ``nip`` (first team that lists them as a member), if any."""
        for tim in self.tim:
            if nip in tim.anggota and tim.ketua != nip:
                return tim.ketua
        return None

    def row_atasan(self, row: MatriksRow) -> str:
        """Whose RHK the columns of a matrix row name: the explicit ``atasan``, else the team
        leader, else the unit's leader."""
        return row.atasan or self.ketua_of(row.nip) or self.pimpinan

    def loc(self, path: Path_) -> Loc:
        """The position of ``path`` in the unit file, or of its nearest ancestor that exists."""
        for n in range(len(path), -1, -1):
            hit = self.locs.get(path[:n])
            if hit is not None:
                return hit
        return (1, 1, 1, 1)


@dataclass
class UnitResult:
    """One unit file read for a command: the model (None when invalid), the document, its
    findings (E0xx), and whether it could not be loaded at all."""

    file: str
    unit: Unit | None
    doc: Document | None
    findings: list[Finding]
    load_failed: bool = False


class UnitError(Exception):
    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f"{f.file}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings))
        self.findings = findings


# ---- schema and validation ----------------------------------------------------------------------

@cache
def load_unit_schema() -> dict[str, Any]:
    from skpgen.resources import unit_schema_file

    with open(unit_schema_file(), encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _validator() -> Any:
    from jsonschema import Draft7Validator

    return Draft7Validator(load_unit_schema())


def validate_unit_document(doc: Document, lang: str = "id") -> list[Finding]:
    """Schema and cross-field findings of a loaded unit file (empty list: valid)."""
    from skpgen.validate import located_schema_findings

    findings = located_schema_findings(doc, _validator(), lang)
    if not findings:
        findings = _cross_field(doc, lang)
    return sorted(findings, key=Finding.sort_key)


def _finding(doc: Document, path: Path_, code: str, lang: str, **kw: Any) -> Finding:
    node = doc.node_at(path)
    return Finding(file=doc.file, line=node.line, column=node.col, end_line=node.end_line,
                   end_column=node.end_col, code=code, name=MESSAGES.get(code, {}).get("name", code.lower()),
                   severity="error", message=ut(code, lang, **kw), path=path)


def _cross_field(doc: Document, lang: str) -> list[Finding]:
    data = doc.data
    out: list[Finding] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(data.get("matriks") or []):
        nip = row["nip"]
        if nip in seen:
            first = doc.node_at(("matriks", seen[nip], "nip")).line
            out.append(_finding(doc, ("matriks", i, "nip"), "E070", lang, nip=nip, first_line=first, where="matriks"))
        else:
            seen[nip] = i
    members: dict[str, int] = {}
    for i, tim in enumerate(data.get("tim") or []):
        for j, nip in enumerate(tim["anggota"]):
            if nip == tim["ketua"]:
                out.append(_finding(doc, ("tim", i, "anggota", j), "E071", lang, tim=tim["nama"], nip=nip))
            elif nip in members:
                first = doc.node_at(("tim", members[nip])).line
                out.append(_finding(doc, ("tim", i, "anggota", j), "E070", lang, nip=nip, first_line=first,
                                    where="tim"))
            else:
                members[nip] = i
    return out


# ---- loading ------------------------------------------------------------------------------------

def unit_from_document(doc: Document) -> Unit:
    """The model of a document that passed :func:`validate_unit_document`."""
    data = doc.data
    rows = tuple(
        MatriksRow(index=i, nip=r["nip"], peran=tuple((str(k), v) for k, v in r["peran"].items()),
                   atasan=r.get("atasan"), nama=r.get("nama"), jabatan=r.get("jabatan"))
        for i, r in enumerate(data.get("matriks") or []))
    tims = tuple(Tim(index=i, nama=t["nama"], ketua=t["ketua"], anggota=tuple(t["anggota"]))
                 for i, t in enumerate(data.get("tim") or []))
    return Unit(file=doc.file, nama=data["nama"], instansi=data["instansi"], tahun=data["tahun"],
                pimpinan=data["pimpinan"], predikat_organisasi=dict(data.get("predikat_organisasi") or {}),
                matriks=rows, tim=tims, locs=_locs(doc.root))


def _locs(root: Node) -> dict[Path_, Loc]:
    out: dict[Path_, Loc] = {}
    stack: list[tuple[Path_, Node]] = [((), root)]
    while stack:
        path, node = stack.pop()
        out[path] = (node.line, node.col, node.end_line, node.end_col)
        if node.kind == "map":
            for key, child in node.value.items():
                stack.append((path + (key,), child))
        elif node.kind == "seq":
            for i, child in enumerate(node.value):
                stack.append((path + (i,), child))
    return out


def read_unit(path: Path | str, display: str | None = None, lang: str = "id",
              max_bytes: int = DEFAULT_MAX_BYTES) -> UnitResult:
    """Load and validate one unit file; never raises for bad input (the findings say what is wrong)."""
    from skpgen.loader import LoadError, load_path

    name = display or str(path)
    try:
        doc = load_path(path, max_bytes=max_bytes, lang=lang, display_name=name)
    except LoadError as exc:
        return UnitResult(name, None, None, [exc.finding], load_failed=True)
    findings = validate_unit_document(doc, lang)
    unit = None if findings else unit_from_document(doc)
    return UnitResult(name, unit, doc, findings)


def load_unit(path: Path | str, lang: str = "id") -> Unit:
    """The unit of ``path``; raises :class:`UnitError` with the located findings when it is not valid."""
    result = read_unit(path, lang=lang)
    if result.unit is None:
        raise UnitError(result.findings)
    return result.unit


__all__ = ["MatriksRow", "PERIODS", "PREDIKAT_ORGANISASI", "Tim", "Unit", "UnitError", "UnitResult",
           "is_unit_file", "load_unit", "load_unit_schema", "read_unit", "unit_from_document",
           "validate_unit_document"]
