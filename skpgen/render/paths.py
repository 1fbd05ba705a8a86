"""Static data-path check for templates: every ``pegawai.nama`` / ``k.uraian`` a template reads must
be defined by the JSON schema of the SKP file (``schemas/skp.schema.json``) or be one of the names
the render context adds (``allowed_names``, e.g. ``skor``, ``form``, ``tgl``).

Loop variables are followed: in ``{%tr for k in kegiatan %}`` the name ``k`` stands for
``kegiatan[]``, so ``{{ k.uraiann }}`` is reported as ``kegiatan[].uraiann``. Paths through values
the schema leaves open (objects without declared properties, scalars, results of most filters and
calls) are not checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from skpgen.render.engine import Template, TemplateIssue, tag_for_line

_SAME_LIST_FILTERS = {"sort", "reverse", "list", "unique", "selectattr", "rejectattr", "select", "reject"}
_ITEM_FILTERS = {"first", "last"}
_BUILTIN_NAMES = {"loop", "range", "dict", "namespace", "cycler", "joiner", "true", "false", "none"}


class _Schema:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root

    def deref(self, node: Any, depth: int = 0) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 32:
            ref = node["$ref"]
            if not ref.startswith("#"):
                return {}
            target: Any = self.root
            for part in ref[1:].split("/"):
                if not part:
                    continue
                part = part.replace("~1", "/").replace("~0", "~")
                target = target.get(part) if isinstance(target, dict) else None
                if target is None:
                    return {}
            node = target
            depth += 1
        return node if isinstance(node, dict) else {}

    def _branches(self, node: Any) -> list[dict[str, Any]]:
        """node and every subschema that applies to the same value (allOf/anyOf/oneOf/if-then-else)."""
        out: list[dict[str, Any]] = []
        todo = [node]
        seen: set[int] = set()
        while todo:
            n = self.deref(todo.pop())
            if id(n) in seen:
                continue
            seen.add(id(n))
            out.append(n)
            for key in ("allOf", "anyOf", "oneOf"):
                todo.extend(x for x in n.get(key, []) if isinstance(x, dict))
            for key in ("then", "else"):
                if isinstance(n.get(key), dict):
                    todo.append(n[key])
        return out

    def properties(self, node: Any) -> dict[str, list[Any]] | None:
        """Declared properties, or None when the object is open (or not an object)."""
        props: dict[str, list[Any]] = {}
        for b in self._branches(node):
            if "patternProperties" in b or isinstance(b.get("additionalProperties"), dict):
                return None
            for k, v in (b.get("properties") or {}).items():
                props.setdefault(k, []).append(v)
        return props or None

    def items(self, node: Any) -> Any:
        subs = [b["items"] for b in self._branches(node) if isinstance(b.get("items"), dict)]
        if not subs:
            return None
        return subs[0] if len(subs) == 1 else {"allOf": subs}


def _load_schema(schema_path: Path | str | None) -> _Schema | None:
    if schema_path is None:
        try:
            from skpgen.resources import schema_file

            schema_path = schema_file()
        except (ImportError, FileNotFoundError):
            return None
        if not Path(schema_path).is_file():
            return None
    try:
        return _Schema(json.loads(Path(schema_path).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


_UNCHECKED = object()  # a value whose structure we do not know


def unknown_path_issues(
    tpl: Template, *, schema_path: Path | str | None = None, allowed_names: set[str] | None = None
) -> list[TemplateIssue]:
    schema = _load_schema(schema_path)
    if schema is None:
        return []
    allowed = set(allowed_names or ()) | _BUILTIN_NAMES
    issues: list[TemplateIssue] = []
    seen: set[tuple[str, str, str]] = set()
    for prepared in tpl._prepared:
        if not prepared.source:
            continue
        try:
            ast = tpl.environment.parse(prepared.source)
        except Exception:  # noqa: BLE001 - syntax errors are reported by the loader already
            continue
        checker = _Checker(schema, allowed, prepared, issues, seen)
        checker.visit_body(ast.body, {})
    return issues


def _join(base: str, part: str) -> str:
    return f"{base}.{part}" if base else part


class _Checker:
    def __init__(self, schema: _Schema, allowed: set[str], prepared: Any, issues: list[TemplateIssue], seen: set) -> None:
        self.schema = schema
        self.allowed = allowed
        self.prepared = prepared
        self.issues = issues
        self.seen = seen

    def report(self, path: str, lineno: int) -> None:
        tag = tag_for_line(self.prepared.tags, lineno)
        key = (self.prepared.name, path, tag.text if tag else "")
        if key in self.seen:
            return
        self.seen.add(key)
        self.issues.append(
            TemplateIssue(
                "template/unknown-path",
                self.prepared.name,
                tag.paragraph if tag else "",
                f"data path '{path}' is not defined by the schema",
                "error",
                tag.text if tag else "",
            )
        )

    # ---- statements

    def visit_body(self, body: list, scope: dict[str, Any]) -> None:
        for node in body:
            self.visit_stmt(node, scope)

    def visit_stmt(self, node: Any, scope: dict[str, Any]) -> None:
        from jinja2 import nodes

        if isinstance(node, nodes.For):
            it = self.resolve(node.iter, scope)
            inner = dict(scope)
            inner["loop"] = _UNCHECKED
            item = _UNCHECKED
            if it is not _UNCHECKED:
                sub = self.schema.items(it[0])
                item = (sub, it[1] + "[]") if sub is not None else _UNCHECKED
            self.bind(node.target, item, inner)
            if node.test is not None:
                self.resolve(node.test, inner)
            self.visit_body(node.body, inner)
            self.visit_body(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            value = self.resolve(node.node, scope)
            self.bind(node.target, value, scope)
        elif isinstance(node, nodes.AssignBlock):
            self.visit_body(node.body, scope)
            self.bind(node.target, _UNCHECKED, scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self.bind(target, self.resolve(value, scope), inner)
            self.visit_body(node.body, inner)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for arg in getattr(node, "args", []):
                self.bind(arg, _UNCHECKED, inner)
            inner["caller"] = _UNCHECKED
            for d in getattr(node, "defaults", []):
                self.resolve(d, scope)
            if isinstance(node, nodes.CallBlock):
                self.resolve(node.call, scope)
            if isinstance(node, nodes.Macro):
                scope[node.name] = _UNCHECKED
            self.visit_body(node.body, inner)
        elif isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.resolve(child, scope)
        elif isinstance(node, nodes.If):
            self.resolve(node.test, scope)
            self.visit_body(node.body, scope)
            for elif_ in node.elif_:
                self.visit_stmt(elif_, scope)
            self.visit_body(node.else_, scope)
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Stmt):
                    self.visit_stmt(child, scope)
                elif isinstance(child, nodes.Expr):
                    self.resolve(child, scope)

    def bind(self, target: Any, value: Any, scope: dict[str, Any]) -> None:
        from jinja2 import nodes

        if isinstance(target, nodes.Name):
            scope[target.name] = value
        else:
            for n in target.find_all(nodes.Name):
                scope[n.name] = _UNCHECKED

    # ---- expressions: return (schema node, display path) or _UNCHECKED

    def resolve(self, node: Any, scope: dict[str, Any]) -> Any:
        from jinja2 import nodes

        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            props = self.schema.properties(self.schema.root) or {}
            if node.name in props:
                return ({"allOf": props[node.name]}, node.name)
            if node.name not in self.allowed:
                self.report(node.name, node.lineno)
            return _UNCHECKED
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            base = self.resolve(node.node, scope)
            if isinstance(node, nodes.Getattr):
                key: Any = node.attr
            elif isinstance(node.arg, nodes.Const):
                key = node.arg.value
            else:
                self.resolve(node.arg, scope)
                key = None
            if base is _UNCHECKED:
                return _UNCHECKED
            if isinstance(key, str):
                props = self.schema.properties(base[0])
                if props is None:
                    return _UNCHECKED
                if key not in props:
                    self.report(_join(base[1], key), node.lineno)
                    return _UNCHECKED
                return ({"allOf": props[key]}, _join(base[1], key))
            sub = self.schema.items(base[0])
            return (sub, base[1] + "[]") if sub is not None else _UNCHECKED
        if isinstance(node, nodes.Call):
            if isinstance(node.node, nodes.Getattr):  # method call: check the object only
                self.resolve(node.node.node, scope)
            else:
                self.resolve(node.node, scope)
            self._resolve_args(node, scope)
            return _UNCHECKED
        if isinstance(node, nodes.Filter):
            base = self.resolve(node.node, scope) if node.node is not None else _UNCHECKED
            self._resolve_args(node, scope)
            if base is not _UNCHECKED and node.name in _SAME_LIST_FILTERS:
                return base
            if base is not _UNCHECKED and node.name in _ITEM_FILTERS:
                sub = self.schema.items(base[0])
                return (sub, base[1] + "[]") if sub is not None else _UNCHECKED
            return _UNCHECKED
        if isinstance(node, nodes.Test):
            if node.name in ("defined", "undefined", "none"):
                return _UNCHECKED  # probing for a value is how templates handle optional data
            self.resolve(node.node, scope)
            self._resolve_args(node, scope)
            return _UNCHECKED
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.resolve(child, scope)
        return _UNCHECKED

    def _resolve_args(self, node: Any, scope: dict[str, Any]) -> None:
        for arg in node.args:
            self.resolve(arg, scope)
        for kw in node.kwargs:
            self.resolve(kw.value, scope)
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.resolve(extra, scope)
