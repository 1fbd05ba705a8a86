"""The built-in forms: name, title, regime and when each applies (data in ``templates/forms.toml``).

Compiled templates are cached per process (:func:`load_template`), so a batch worker normalises
and compiles each .docx once.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skpgen.resources import resource_path


@dataclass(frozen=True)
class Form:
    name: str        # e.g. "penilaian-capaian" (used by --form and in output names)
    file: str        # template file name in templates/
    title: str       # the official title, also the document's core title
    aturan: str      # pp46-2011 | permenpanrb-6-2022
    requires: tuple[str, ...] = ()
    per_periode: bool = False   # one document per evaluasi period present (Evaluasi Kinerja Pegawai)

    @property
    def path(self) -> Path:
        return resource_path("templates") / self.file

    def applies(self, plan: Mapping[str, Any], score: Any) -> bool:
        """Whether this form is rendered for ``plan`` by default (regime and required data)."""
        if plan.get("aturan") != self.aturan:
            return False
        for need in self.requires:
            if need == "realisasi" and not getattr(score, "has_realisasi", False):
                return False
            if need == "perilaku_kerja" and getattr(score, "nilai_perilaku", None) is None:
                return False
            if need == "evaluasi" and not (isinstance(plan.get("evaluasi"), list) and plan["evaluasi"]):
                return False
        return True


@functools.cache
def all_forms() -> dict[str, Form]:
    """Form name → Form, in the order of forms.toml."""
    with open(resource_path("templates") / "forms.toml", "rb") as fh:
        raw = tomllib.load(fh)
    return {
        name: Form(name, str(v["file"]), str(v["title"]), str(v["aturan"]), tuple(v.get("requires", ())),
                   bool(v.get("per_periode", False)))
        for name, v in raw.items()
    }


def form_names() -> list[str]:
    return list(all_forms())


def get_form(name: str) -> Form:
    try:
        return all_forms()[name]
    except KeyError:
        raise KeyError(name) from None


def forms_for(plan: Mapping[str, Any], score: Any, wanted: tuple[str, ...] | None = None) -> list[Form]:
    """The forms to render for a plan: those that apply, optionally limited to ``wanted`` names."""
    forms = all_forms()
    names = wanted if wanted else tuple(forms)
    return [forms[n] for n in names if n in forms and forms[n].applies(plan, score)]


EVALUASI_PERIODS = ("triwulan-1", "triwulan-2", "triwulan-3", "triwulan-4", "tahunan")


def form_documents(form: Form, plan: Mapping[str, Any]) -> list[tuple[str, str | None]]:
    """(document name, evaluasi period or None) of each document of ``form`` for ``plan``.

    A per-period form gives one document per evaluasi period present, in the order TRIWULAN I–IV,
    AKHIR: the AKHIR (``tahunan``) one — or the last evaluasi when there is none — keeps the form's
    own name, the others are named ``<form>-<periode>`` (``evaluasi-2022-triwulan-1``)."""
    if not form.per_periode:
        return [(form.name, None)]
    raw = plan.get("evaluasi") if isinstance(plan.get("evaluasi"), list) else []
    order = [str(e.get("periode")) for e in raw if isinstance(e, Mapping) and e.get("periode") in EVALUASI_PERIODS]
    if not order:
        return [(form.name, None)]
    main = "tahunan" if "tahunan" in order else order[-1]
    return [(form.name if p == main else f"{form.name}-{p}", p) for p in EVALUASI_PERIODS if p in order]


_CACHE: dict[str, Any] = {}


def load_template(path: Path | str) -> Any:
    """A compiled :class:`~skpgen.render.engine.Template`, cached per process by path."""
    key = str(path)
    tpl = _CACHE.get(key)
    if tpl is None:
        from skpgen.render.engine import Template

        tpl = Template.from_path(path)
        _CACHE[key] = tpl
    return tpl
