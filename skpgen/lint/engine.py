"""The lint engine: load → validate → rules → suppressions, one document at a time.

Rules run only on documents that pass the schema (a plan with E0xx errors reports those and
nothing else, so rules never see impossible data); E090 (characters XML forbids) is part of
validation, so that validate, score and render refuse what lint reports. Per-process caches keep
per-file work small: the vocabulary, the validator, and the rule registry are built once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skpgen.findings import Finding
from skpgen.isolation import RAISE_HOOK_ENV, hook_stage, internal_error, is_internal, run_per_file, show_trace
from skpgen.lint.config import Config
from skpgen.lint.context import Context, DocShared, lt, rule_message
from skpgen.lint.suppression import apply, parse_directives
from skpgen.lint.settings import Settings
from skpgen.lint.vocab import Vocab
from skpgen.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # the loader (and YAML) is imported where files are read: finish_batch needs neither
    from skpgen.loader import Document

ALWAYS_CODES: tuple[str, ...] = ()  # run even on schema-invalid documents
# produced elsewhere, not by a check(): E090 by validation (skpgen.trust), E091/E092 by the engine
ENGINE_CODES = ("E090", "E091", "E092")


def schema_check(doc: Document, lang: str) -> list[Finding]:
    """Schema and cross-field findings: exactly those of ``skpgen validate`` (the same
    :func:`skpgen.validate.validate_document`: the compiled fastjsonschema check for a valid plan,
    jsonschema's located errors only for an invalid one)."""
    from skpgen.validate import validate_document

    return validate_document(doc, lang)


# Settings live in skpgen.lint.settings (a cached lint run needs them, not the engine)


def _engine_finding(rule: Any, file: str, line: int, col: int, end_col: int, severity: str, lang: str,
                    variant: str | None = None, **kw: Any) -> Finding:
    return Finding(file=file, line=line, column=col, end_line=line, end_column=end_col, code=rule.CODE,
                   name=rule.NAME, severity=severity,  # type: ignore[arg-type]
                   message=rule_message(rule, lang, variant, **kw))


@dataclass(slots=True)
class _RuleRun:
    """One rule as a run applies it: its effective options and severity (built once per
    configuration, not once per file and rule)."""

    code: str
    rule: Any
    options: dict[str, Any]
    severity: str


@dataclass(slots=True)
class _RulePlan:
    """The rules of a configuration in registry order, grouped as :func:`lint_document` runs
    them: ``always`` (even on a schema-invalid document), ``checked`` (selected by select/ignore;
    per-file-ignores are asked per file) and ``batch`` (the cross-file rules' collection)."""

    always: list[_RuleRun]
    checked: list[_RuleRun]
    batch: list[_RuleRun]


_PLANS: dict[Any, _RulePlan] = {}


def _rule_plan(cfg: Config) -> _RulePlan:
    """The rule plan of a configuration, built once per configuration."""
    from skpgen.rules import RULES

    key = (tuple(cfg.select), tuple(cfg.ignore), tuple(cfg.severity.items()), repr(cfg.options))
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) > 64:  # a language server sees configurations come and go
            _PLANS.clear()
        runs = [_RuleRun(code, rule, {**rule.OPTIONS, **cfg.options.get(code, {})},
                         cfg.severity.get(code, rule.SEVERITY)) for code, rule in RULES.items()]
        plan = _PLANS[key] = _RulePlan(
            always=[r for r in runs if r.code in ALWAYS_CODES],
            checked=[r for r in runs if r.code not in ALWAYS_CODES and r.code not in ENGINE_CODES
                     and cfg.enabled(r.code)],
            batch=[r for r in runs if getattr(r.rule, "BATCH", False)])
    return plan


def lint_document(doc: Document, settings: Settings) -> list[Finding]:
    """All findings of one loaded document (schema, rules, suppressions), sorted."""
    cfg, lang = settings.config, settings.lang
    vocab = settings.get_vocab()
    shared = DocShared(doc, settings.previous)
    findings: list[Finding] = []
    ran: set[str] = set()
    plan = _rule_plan(cfg)
    per_file = bool(cfg.per_file_ignores)

    internal: list[Finding] = []   # E099: never suppressed, never re-graded
    raise_in = hook_stage(doc.file)  # test-only (see skpgen.isolation); None in normal use

    def run(r: _RuleRun) -> None:
        code = r.code
        ctx = Context(doc, shared, r.rule, r.options, r.severity, lang, vocab)  # type: ignore[arg-type]
        ran.add(code)
        try:
            if code == raise_in:
                raise RuntimeError(f"{RAISE_HOOK_ENV} asked {code} to fail")
            findings.extend(r.rule.check(ctx))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            show_trace(exc, doc.file)
            internal.append(internal_error(doc.file, exc, lang, rule=code))

    for r in plan.always:
        if cfg.enabled(r.code, doc.file):
            run(r)
    schema = schema_check(doc, lang)
    findings.extend(schema)
    if not schema:
        for r in plan.checked:
            if not per_file or cfg.enabled(r.code, doc.file):
                run(r)
    directives = parse_directives(doc.lines)
    if not schema:
        for r in plan.batch:
            _collect(doc, shared, r, settings, vocab, directives, internal)
    findings = apply(findings, directives)
    findings.extend(_directive_findings(doc, directives, ran, cfg, lang))
    for f in findings:
        if f.code in cfg.severity and not f.code.startswith("E0"):
            f.severity = cfg.severity[f.code]  # type: ignore[assignment]
    findings.extend(internal)
    return sorted(findings, key=Finding.sort_key)


def _collect(doc: Document, shared: DocShared, r: _RuleRun, settings: Settings, vocab: Vocab,
             directives: list[Any], internal: list[Finding]) -> None:
    cfg, rule = settings.config, r.rule
    ctx = Context(doc, shared, rule, r.options, r.severity, settings.lang, vocab)  # type: ignore[arg-type]
    try:
        state = rule.collect(ctx)
    except Exception as exc:  # noqa: BLE001 - this file's internal error, the batch goes on
        show_trace(exc, doc.file)
        internal.append(internal_error(doc.file, exc, settings.lang, rule=rule.CODE))
        return
    if not cfg.enabled(rule.CODE, doc.file):
        state["refs"] = [] if isinstance(state.get("refs"), list) else False  # still offers its facts
    if state.get("refs"):
        settings.batch_directives[doc.file] = directives
    settings.batch.setdefault(rule.CODE, []).append(state)


def finish_batch(settings: Settings) -> list[Finding]:
    """Findings of the cross-file rules, once every file of the run was linted."""
    from skpgen.rules import RULES

    out: list[Finding] = []
    found: dict[str, list[Finding]] = {}
    for code, states in settings.batch.items():
        rule = RULES[code]
        if getattr(rule, "UNIT", False) and not settings.config.enabled(code):
            continue  # a unit rule that is not selected: no unit analysis at all
        try:
            found[code] = list(rule.finish(states, settings.lang, settings.config.severity.get(code, rule.SEVERITY)))
        except Exception as exc:  # noqa: BLE001
            settings.crashes.append(lt("cli.rule_crash", settings.lang, code=code, file="*",
                                       error=f"{type(exc).__name__}: {exc}"))
    # a rule may supersede another at the same place (U702 says more than R406 about one reference)
    for code, fs in found.items():
        for other in getattr(RULES[code], "SUPERSEDES", ()):
            if other in found and fs:
                places = {(f.file, f.line, f.column) for f in fs}
                found[other] = [f for f in found[other] if (f.file, f.line, f.column) not in places]
    for fs in found.values():
        by_file: dict[str, list[Finding]] = {}
        for f in fs:
            by_file.setdefault(f.file, []).append(f)
        for file, group in by_file.items():
            out.extend(apply(group, settings.batch_directives.get(file, [])))
    settings.batch.clear()
    settings.batch_directives.clear()
    return sorted(out, key=Finding.sort_key)


def _directive_findings(doc: Document, directives: list[Any], ran: set[str], cfg: Config,
                        lang: str) -> list[Finding]:
    from skpgen.rules import RULES

    out: list[Finding] = []
    unused_rule, bad_rule = RULES["E091"], RULES["E092"]
    want_unused = cfg.enabled("E091", doc.file)
    want_bad = cfg.enabled("E092", doc.file)
    for d in directives:
        unknown = [c for c in d.codes if not any(code.startswith(c) for code in RULES)] if d.codes else ["[]"]
        if want_bad and unknown:
            out.append(_engine_finding(bad_rule, doc.file, d.line, d.column, d.end_column,
                                       cfg.severity.get("E092", bad_rule.SEVERITY), lang, "unknown",
                                       codes=", ".join(unknown)))
        if want_bad and not d.reason:
            out.append(_engine_finding(bad_rule, doc.file, d.line, d.column, d.end_column,
                                       cfg.severity.get("E092", bad_rule.SEVERITY), lang, None))
        if want_unused:
            for c in d.codes:
                if c in d.used or c in unknown:
                    continue
                # only codes whose rules ran on this file can be judged unused; a cross-file rule
                # may still use the directive after the whole run, so it is not judged here
                if any(code.startswith(c) for code in ran) and \
                        not any(code.startswith(c) and getattr(RULES[code], "BATCH", False) for code in RULES):
                    out.append(_engine_finding(unused_rule, doc.file, d.line, d.column, d.end_column,
                                               cfg.severity.get("E091", unused_rule.SEVERITY), lang, code=c))
    return out


@dataclass
class FileResult:
    file: str
    findings: list[Finding]
    doc: Document | None
    load_failed: bool
    # the loading or the whole lint raised (a bug): ``findings`` is that one E099, and whatever the
    # rules collected for the cross-file pass is incomplete (a broken rule alone does not set it)
    raised: bool = False


def lint_path(path: Path | str, display: str, settings: Settings, work: Any = None) -> FileResult:
    """One file's whole lint (the per-file unit of work). Never raises: an exception anywhere in
    it becomes this file's E099 finding (:mod:`skpgen.isolation`) and ``load_failed`` (exit 2).
    ``work``: what to do with the loaded document (default :func:`lint_document`)."""
    from skpgen.loader import load_path

    work = work or lint_document
    max_bytes = settings.config.max_bytes or DEFAULT_MAX_BYTES
    return lint_loaded(lambda: load_path(path, max_bytes=max_bytes, lang=settings.lang, display_name=display),
                        display, settings, work)


def lint_bytes(raw: bytes, display: str, settings: Settings) -> FileResult:
    """Lint the content of a file that is not (or not yet) on disk, e.g. an editor buffer: the same
    decoding, size cap, loading and isolation as :func:`lint_path`, so the findings are those of
    ``skpgen lint``."""
    from skpgen.loader import load_bytes

    max_bytes = settings.config.max_bytes or DEFAULT_MAX_BYTES
    return lint_loaded(lambda: load_bytes(raw, display, max_bytes=max_bytes, lang=settings.lang),
                        display, settings, lint_document)


def lint_loaded(load: Any, display: str, settings: Settings, work: Any) -> FileResult:
    """``work(load(), settings)`` with per-file isolation: a load error is the file's E0xx finding,
    an exception its E099 (``raised``); never raises."""
    from skpgen.loader import LoadError

    try:
        doc = load()
    except LoadError as exc:
        return FileResult(display, [exc.finding], None, True)
    except Exception as exc:  # noqa: BLE001 - per-file isolation
        show_trace(exc, display)
        return FileResult(display, [internal_error(display, exc, settings.lang)], None, True, raised=True)
    findings, problem = run_per_file(display, settings.lang, work, doc, settings)
    if problem is not None:
        return FileResult(display, [problem], doc, True, raised=True)
    assert findings is not None
    return FileResult(display, findings, doc, any(is_internal(f) for f in findings))


def lint_unit_path(path: Path | str, display: str, settings: Settings) -> FileResult:
    """A unit file (``*.unit.yaml``, SPEC §11), see :func:`lint_unit_document`."""
    return lint_path(path, display, settings, lint_unit_document)


def lint_unit_document(doc: Document, settings: Settings) -> list[Finding]:
    """A loaded unit file: its schema and cross-field errors now; once valid, its facts join the
    cross-file pass, where the unit rules (``UNIT = True``) judge the plans of its folder against
    it (:func:`finish_batch`)."""
    from skpgen.rules import RULES
    from skpgen.unit.model import unit_from_document, validate_unit_document

    findings = validate_unit_document(doc, settings.lang)
    directives = parse_directives(doc.lines)
    if not findings:
        unit = unit_from_document(doc)
        for code, rule in RULES.items():
            if getattr(rule, "UNIT", False):
                refs = settings.config.enabled(code, doc.file)
                settings.batch.setdefault(code, []).append({"unit": unit, "file": doc.file, "refs": refs})
                if refs:
                    settings.batch_directives[doc.file] = directives
    return sorted(apply(findings, directives), key=Finding.sort_key)


# ---- --previous ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PreviousPlan:
    """What the --previous rules need of an earlier plan: its name and data (no node tree)."""

    file: str
    data: Any
    digest: str


def _digest(text: str) -> str:
    import hashlib

    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class PreviousIndex:
    """Plans given with ``--previous FILE|DIR``, loaded on first use and indexed by NIP.

    Only the plain data of each plan is kept (not its text or node tree), so a folder of
    thousands of earlier plans stays small in memory.
    """

    def __init__(self, paths: list[Path], lang: str = "id"):
        self.paths = paths
        self.lang = lang
        self.errors: list[str] = []
        self._by_nip: dict[str, list[PreviousPlan]] | None = None

    def _load(self) -> dict[str, list[PreviousPlan]]:
        if self._by_nip is None:
            from skpgen.loader import LoadError, load_path

            self._by_nip = {}
            for p in self.paths:
                try:
                    doc = load_path(p, lang=self.lang)
                except LoadError as exc:
                    self.errors.append(lt("cli.previous_error", self.lang, file=str(p), problem=exc.finding.message))
                    continue
                nip = _nip(doc)
                if nip:
                    self._by_nip.setdefault(nip, []).append(PreviousPlan(doc.file, doc.data, _digest(doc.text)))
        return self._by_nip

    def preload(self) -> None:
        """Load the plans now (before workers fork: they inherit them; errors are collected here)."""
        self._load()

    def for_document(self, doc: Document) -> list[PreviousPlan]:
        nip = _nip(doc)
        if not nip:
            return []
        digest = _digest(doc.text)
        try:
            here = Path(doc.file).resolve()
        except OSError:
            here = None
        out = []
        for other in self._load().get(nip, []):
            if other.digest == digest:
                continue
            try:
                if here is not None and Path(other.file).resolve() == here:
                    continue
            except OSError:
                pass
            out.append(other)
        return sorted(out, key=lambda d: _tahun_of_data(d.data) or 0, reverse=True)


def _nip(doc: Document) -> str | None:
    data = doc.data if isinstance(doc.data, dict) else {}
    peg = data.get("pegawai")
    nip = peg.get("nip") if isinstance(peg, dict) else None
    return str(nip) if nip else None


def _tahun_of_data(data: Any) -> int | None:
    data = data if isinstance(data, dict) else {}
    per = data.get("periode")
    tahun = per.get("tahun") if isinstance(per, dict) else None
    return tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None


def previous_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(f for f in path.rglob("*") if f.suffix in (".yaml", ".yml") and f.is_file())
    return [path]


__all__ = ["PreviousIndex", "PreviousPlan", "Settings", "finish_batch", "lint_bytes", "lint_document", "lint_path",
           "lint_unit_document", "lint_unit_path", "previous_files", "schema_check"]
