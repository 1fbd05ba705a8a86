"""Lint configuration: discovery, strict loading and rule selection.

Precedence: ``--config FILE`` > ``.skpgen.yaml``/``.skpgen.yml`` found walking up from the first
path (or the working directory) > ``[tool.skpgen]`` in a ``pyproject.toml`` found the same way >
built-in defaults. Unknown keys, unknown rule codes, unknown options and wrongly typed values are
errors that name the offender (``ConfigError``; the CLI exits 2).

Keys::

    select: [S, M201]          # codes or prefixes; default: every rule
    ignore: [P601]             # codes or prefixes; the longest matching prefix wins
    severity: {S104: info}     # per rule (code or name)
    options: {A301: {ambang_persen: 30}}
    per-file-ignores: {"arsip/**": [P6]}
    lang: en
    vocab: kosakata/           # relative to the config file
    max-bytes: 2097152
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from skpgen.lint.context import lt

KEYS = ("select", "ignore", "severity", "options", "per-file-ignores", "lang", "vocab", "max-bytes")
CONFIG_NAMES = (".skpgen.yaml", ".skpgen.yml")
SEVERITIES = ("error", "warning", "info")


class ConfigError(Exception):
    """A configuration problem; the message is already translated."""


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: [""])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_file_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    lang: str | None = None
    vocab: str | None = None
    max_bytes: int | None = None
    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    _cache: dict[tuple[Any, ...], bool] = field(default_factory=dict, repr=False, compare=False)

    # ---- selection (flake8/ruff: explicit codes or prefixes, the longest matching prefix wins) --
    def enabled(self, code: str, file: str | None = None) -> bool:
        key = (code, tuple(self.select), tuple(self.ignore))
        selected = self._cache.get(key)
        if selected is None:
            best_sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
            best_ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
            selected = self._cache[key] = best_sel >= 0 and best_ign < best_sel
        if not selected:
            return False
        if file is not None and self.per_file_ignores:
            for pattern, codes in self.per_file_ignores:
                if any(code.startswith(c) for c in codes) and self.matches(pattern, file):
                    return False
        return True

    def matches(self, pattern: str, file: str) -> bool:
        p = Path(file)
        try:
            rel = PurePosixPath(p.resolve().relative_to(self.root.resolve())).as_posix()
        except (ValueError, OSError):
            rel = PurePosixPath(p).as_posix()
        cands = {rel, p.as_posix(), p.name}
        pats = {pattern, pattern[3:]} if pattern.startswith("**/") else {pattern}
        return any(fnmatch.fnmatchcase(c, pt) for c in cands for pt in pats)


def _norm_codes(value: Any, key: str, source: str, lang: str, known: dict[str, str]) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(lt("config.bad_value", lang, source=source, key=key,
                             problem=lt("config.expected", lang, kind="list of codes / daftar kode")))
    out = []
    for v in value:
        v = v.strip()
        if v.upper() == "ALL":
            out.append("")
            continue
        code = known.get(v) or known.get(v.upper())
        if code is None:
            prefix = v.upper()
            if not any(c.startswith(prefix) for c in set(known.values())):
                raise ConfigError(lt("config.bad_value", lang, source=source, key=key,
                                     problem=lt("config.unknown_rule", lang, rule=v)))
            code = prefix
        out.append(code)
    return out


def rule_lookup() -> dict[str, str]:
    """Code and name (and upper-cased code) → code, for every registered rule."""
    from skpgen.rules import RULES

    out: dict[str, str] = {}
    for code, rule in RULES.items():
        out[code] = code
        out[rule.NAME] = code
        for alias in getattr(rule, "ALIASES", ()):
            out[alias] = code
    return out


def parse_config(raw: Any, source: str, root: Path, lang: str = "id") -> Config:
    """Validate a config mapping (from YAML or TOML) into a :class:`Config`."""
    from skpgen.rules import RULES

    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(lt("config.bad_value", lang, source=source, key="/",
                             problem=lt("config.expected", lang, kind="mapping / pemetaan")))
    known = rule_lookup()
    cfg = Config(source=source, root=root)
    for key, value in raw.items():
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" ('{close[0]}'?)" if close else ""
            raise ConfigError(lt("config.unknown_key", lang, source=source, key=key, hint=hint,
                                 allowed=", ".join(KEYS)))
        if key == "select":
            cfg.select = _norm_codes(value, key, source, lang, known)
        elif key == "ignore":
            cfg.ignore = _norm_codes(value, key, source, lang, known)
        elif key == "severity":
            for rule, code, sev in _per_rule(value, key, known, source, lang):
                if code.startswith("E"):
                    raise ConfigError(lt("config.bad_value", lang, source=source, key=key,
                                         problem=lt("config.e_always_error", lang, code=code)))
                if sev not in SEVERITIES:
                    raise ConfigError(lt("config.bad_value", lang, source=source, key=key,
                                         problem=lt("config.bad_severity", lang, value=sev, code=code)))
                cfg.severity[code] = sev
        elif key == "options":
            for rule, code, opts in _per_rule(value, key, known, source, lang):
                if not isinstance(opts, dict):
                    raise ConfigError(lt("config.bad_value", lang, source=source, key=f"options.{rule}",
                                         problem=lt("config.expected", lang, kind="mapping / pemetaan")))
                _check_options(RULES[code], rule, opts, source, lang)
                cfg.options[code] = dict(opts)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(lt("config.bad_value", lang, source=source, key=key,
                                     problem=lt("config.expected", lang, kind="mapping / pemetaan")))
            for pattern, codes in value.items():
                cfg.per_file_ignores.append((str(pattern), _norm_codes(codes, f"{key}.{pattern}", source, lang,
                                                                       known)))
        elif key == "lang":
            if value not in ("id", "en"):
                raise ConfigError(lt("config.bad_value", lang, source=source, key=key, problem="id | en"))
            cfg.lang = value
        elif key == "vocab":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(lt("config.bad_value", lang, source=source, key=key,
                                     problem=lt("config.expected", lang, kind="path / path folder")))
            cfg.vocab = str((root / value).resolve())
        elif key == "max-bytes":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(lt("config.bad_value", lang, source=source, key=key, problem="> 0"))
            cfg.max_bytes = value
    return cfg


def _per_rule(value: Any, key: str, known: dict[str, str], source: str, lang: str) -> Any:
    """(rule as written, its code, its value) for a mapping keyed by rule code or name
    (``severity``, ``options``); a non-mapping or an unknown rule is a ConfigError."""
    if not isinstance(value, dict):
        raise ConfigError(lt("config.bad_value", lang, source=source, key=key,
                             problem=lt("config.expected", lang, kind="mapping / pemetaan")))
    for rule, item in value.items():
        code = known.get(str(rule)) or known.get(str(rule).upper())
        if code is None:
            raise ConfigError(lt("config.bad_value", lang, source=source, key=key,
                                 problem=lt("config.unknown_rule", lang, rule=rule)))
        yield rule, code, item


def _check_options(rule: Any, written: Any, opts: dict[str, Any], source: str, lang: str) -> None:
    """Configured options against the rule's declaration (yamllint ``CONF``/``VALIDATE``): known
    names, each value's type and range (``CONF``), then the relations between them (``VALIDATE``)
    on the defaults merged with the configured values."""
    code, defaults, conf = rule.CODE, rule.OPTIONS, getattr(rule, "CONF", {})
    for name, v in opts.items():
        if name not in defaults:
            raise ConfigError(lt("config.bad_value", lang, source=source, key=f"options.{written}",
                                 problem=lt("config.unknown_option", lang, code=code, option=name,
                                            allowed=", ".join(defaults) or "-")))
        spec = conf.get(name)
        if spec is None:
            _check_type(defaults[name], v, code, name, source, lang)
            continue
        want = spec.problem(v, lang)
        if want is not None:
            raise ConfigError(lt("config.bad_value", lang, source=source, key=f"options.{written}.{name}",
                                 problem=lt("config.option_range", lang, option=name, code=code, expected=want,
                                            value=json.dumps(v, ensure_ascii=False, default=str))))
    validate = getattr(rule, "VALIDATE", None)
    if validate is not None:
        problem = validate({**defaults, **opts})
        if problem:
            raise ConfigError(lt("config.bad_value", lang, source=source, key=f"options.{written}",
                                 problem=problem.get(lang) or problem["id"]))


def _check_type(default: Any, value: Any, code: str, name: str, source: str, lang: str) -> None:
    if isinstance(default, bool):
        ok, kind = isinstance(value, bool), "boolean"
    elif isinstance(default, (int, float)):
        ok, kind = isinstance(value, (int, float)) and not isinstance(value, bool), "number / angka"
    elif isinstance(default, str):
        ok, kind = isinstance(value, str), "text / teks"
    elif isinstance(default, list):
        ok, kind = isinstance(value, list), "list / daftar"
    else:
        ok, kind = True, ""
    if not ok:
        raise ConfigError(lt("config.bad_value", lang, source=source, key=f"options.{code}",
                             problem=lt("config.option_type", lang, option=name, code=code, expected=kind)))


def _load_yaml_config(path: Path, lang: str) -> Config:
    from skpgen.loader import LoadError, load_path

    try:
        doc = load_path(path, lang=lang)
    except LoadError as exc:
        f = exc.finding
        raise ConfigError(lt("config.load_error", lang, source=f"{path}:{f.line}:{f.column}",
                             problem=f.message)) from None
    return parse_config(doc.data, str(path), path.parent, lang)


def _load_pyproject(path: Path, lang: str) -> Config | None:
    import tomllib

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(lt("config.load_error", lang, source=str(path), problem=str(exc))) from None
    table = data.get("tool", {}).get("skpgen")
    if table is None:
        return None
    return parse_config(table, f"{path} [tool.skpgen]", path.parent, lang)


def discover(start: Path) -> Path | None:
    """The configuration file that applies to ``start`` (see the module docstring), or None."""
    start = start.resolve()
    if start.is_file() or not start.exists():
        start = start.parent
    dirs = [start, *start.parents]
    for d in dirs:
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
    for d in dirs:
        p = d / "pyproject.toml"
        if p.is_file():
            import tomllib

            try:
                with open(p, "rb") as fh:
                    if "skpgen" in tomllib.load(fh).get("tool", {}):
                        return p
            except (OSError, tomllib.TOMLDecodeError):
                continue
    return None


def load_config(explicit: Path | None, start: Path, lang: str = "id") -> Config:
    """Load the configuration: ``explicit`` if given, else discovery from ``start``, else defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(lt("config.not_found", lang, source=str(explicit)))
        path: Path | None = explicit
    else:
        path = discover(start)
    if path is None:
        return Config()
    if path.name == "pyproject.toml":
        return _load_pyproject(path, lang) or Config()
    return _load_yaml_config(path, lang)
