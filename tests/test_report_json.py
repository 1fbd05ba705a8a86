"""The streamed JSON array of findings (skpgen.report) is byte-identical to json.dumps."""

from __future__ import annotations

import json

import pytest

from skpgen.findings import Finding
from skpgen.report import JsonArrayStream, format_json


def _findings() -> list[Finding]:
    return [
        Finding("skp/a.skp.yaml", 3, 5, 3, 12, "S101", "kata-kerja-aktif", "warning",
                'Uraian "laporan" tanpa kata kerja; é ü \u2028 \\ \t tab', "K1"),
        Finding("skp/b c.skp.yaml", 10, 1, 11, 2, "E060", "titik-ribuan", "error", "1.240 dibaca 1,24", None),
        Finding("skp/ü.skp.yaml", 1, 1, 1, 1, "P623", "periode-tumpang-tindih", "info", "", "RHK2"),
    ]


@pytest.mark.parametrize("n", [0, 1, 3])
def test_stream_equals_json_dumps(n: int) -> None:
    findings = _findings()[:n]
    chunks: list[str] = []
    stream = JsonArrayStream(chunks.append)
    stream.add(findings)
    stream.close()
    text = "".join(chunks)
    assert text == format_json(findings)
    assert text == json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text) == [f.to_json() for f in findings]
    if n >= 2:  # a finding outside any kegiatan
        assert '"kegiatan": null' in text
