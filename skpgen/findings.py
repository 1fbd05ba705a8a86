"""The one finding model shared by validate (E0xx) and lint (S1xx … P6xx)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(slots=True)
class Finding:
    """One located problem. Lines and columns are 1-based; ``end_column`` is exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    kegiatan: str | None = None
    path: tuple[str | int, ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[Any, ...]:
        return (self.file, self.line, self.column, self.code)

    def to_json(self) -> dict[str, Any]:
        """The SPEC §9 object (explicit: ``dataclasses.asdict`` deep-copies and is slow in bulk)."""
        return {"file": self.file, "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "code": self.code, "name": self.name,
                "severity": self.severity, "message": self.message, "kegiatan": self.kegiatan}


def at_node(file: str, node: Any, code: str, name: str, severity: Severity, message: str,
            kegiatan: str | None = None, path: tuple[str | int, ...] = ()) -> Finding:
    """A finding spanning a loader ``Node``."""
    return Finding(file=file, line=node.line, column=node.col, end_line=node.end_line,
                   end_column=node.end_col, code=code, name=name, severity=severity,
                   message=message, kegiatan=kegiatan, path=path)


def kegiatan_id_for(data: Any, path: tuple[str | int, ...]) -> str | None:
    """The id of the kegiatan a JSON path points into, if any."""
    if len(path) >= 2 and path[0] == "kegiatan" and isinstance(path[1], int) and isinstance(data, dict):
        items = data.get("kegiatan")
        if isinstance(items, list) and 0 <= path[1] < len(items) and isinstance(items[path[1]], dict):
            kid = items[path[1]].get("id")
            return str(kid) if kid is not None else None
    return None
