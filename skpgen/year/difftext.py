"""Text form of a :class:`skpgen.diff.PlanDiff` for ``skpgen diff``."""

from __future__ import annotations

import json
from typing import Any

from skpgen.diff import KegiatanRef, PlanDiff
from skpgen.year.text import msg


def show_value(value: Any, lang: str) -> str:
    """A value as YAML-ish text: strings bare, lists/maps in flow form, absent as "(tidak ada)"."""
    if value is None:
        return msg("diff.absent", lang)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if (not value or value != value.strip()) else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _ref(sign: str, r: KegiatanRef) -> str:
    jenis = f" [{r.jenis}]" if r.jenis else ""
    return f"  {sign} {r.id or '-'}  {r.uraian or '-'}{jenis}"


def format_diff(d: PlanDiff, old_label: str, new_label: str, lang: str = "id") -> str:
    out = [msg("diff.header", lang, old=old_label, new=new_label)]
    if not d.has_changes:
        out.append(msg("diff.none", lang))
        return "\n".join(out) + "\n"
    if d.removed:
        out.append(msg("diff.removed", lang, n=len(d.removed)))
        out.extend(_ref("-", r) for r in d.removed)
    if d.added:
        out.append(msg("diff.added", lang, n=len(d.added)))
        out.extend(_ref("+", a) for a in d.added)
    if d.changed:
        out.append(msg("diff.changed", lang, n=len(d.changed)))
        for c in d.changed:
            ident = (c.new_id or "-") if c.old_id == c.new_id else f"{c.old_id or '-'} → {c.new_id or '-'}"
            line = f"  ~ {ident}  {c.uraian or '-'}"
            if c.matched_by == "uraian":
                line += " " + msg("diff.matched_by_uraian", lang, pct=round(c.similarity * 100))
            out.append(line)
            for f in c.changes:
                out.append(f"      {f.field}: {show_value(f.old, lang)} → {show_value(f.new, lang)}")
    if d.plan_changes:
        out.append(msg("diff.plan_changed", lang, n=len(d.plan_changes)))
        for f in d.plan_changes:
            out.append(f"      {f.field}: {show_value(f.old, lang)} → {show_value(f.new, lang)}")
    if d.unchanged:
        out.append(msg("diff.unchanged", lang, n=d.unchanged))
    if d.removed:
        out.append("")
        out.append(msg("diff.removed_warning", lang))
    if d.removed or d.added or d.changed:
        if d.new_revisions:
            for r in d.new_revisions:
                state = msg("diff.revisi_approved" if r.get("disetujui") is True else "diff.revisi_not_approved", lang)
                out.append(msg("diff.new_revisi", lang, tanggal=r.get("tanggal", "-"),
                               alasan=r.get("alasan", "-"), state=state))
        else:
            out.append(msg("diff.no_new_revisi", lang))
    return "\n".join(out) + "\n"
