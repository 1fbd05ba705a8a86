"""Static checking of a template without data (``skpgen template check``).

Structure problems come from compiling the template (:mod:`skpgen.render.engine`), unknown data
paths from :mod:`skpgen.render.paths`; this module joins the two, so that neither imports the other
in a cycle.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from skpgen.render.engine import Template, TemplateError, TemplateIssue
from skpgen.render.paths import unknown_path_issues


def check_template(
    path: Path | str | bytes,
    *,
    schema_path: Path | str | None = None,
    allowed_names: Iterable[str] = (),
) -> list[TemplateIssue]:
    """All problems of a template, without data: split tags, smart quotes, unbalanced blocks,
    misplaced ``{%tr %}``, blocks crossing paragraph/row boundaries, Jinja syntax errors and (when
    a JSON schema is available) data paths the schema does not define."""
    try:
        tpl = Template(path) if isinstance(path, bytes) else Template.from_path(path)
    except TemplateError as exc:
        return list(exc.all_issues)
    issues = list(tpl.issues)
    issues.extend(unknown_path_issues(tpl, schema_path=schema_path, allowed_names=set(allowed_names)))
    return issues
