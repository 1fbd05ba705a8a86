"""Lint an editor buffer exactly as ``skpgen lint`` lints the file (no pygls here).

The buffer's text goes through :func:`skpgen.lint.engine.lint_bytes` (the loader, schema, rules and
suppressions of ``skpgen lint``), with the configuration discovered as ``skpgen lint`` discovers it
and the language resolved the same way (``--lang`` > config ``bahasa``/``lang`` > ``SKPGEN_LANG``).
Inside a workspace folder the cross-file rules see every plan of that folder, as in ``skpgen lint
FOLDER``: the other files' cross-file facts are computed once per file version and cached.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skpgen.findings import Finding


@dataclass
class BufferResult:
    findings: list[Finding]
    problems: list[str] = field(default_factory=list)  # what `skpgen lint` prints on stderr (exit 2)


@dataclass
class _Facts:
    key: tuple[Any, ...]
    batch: dict[str, list[Any]]
    directives: dict[str, list[Any]]


class LintSession:
    """Lints buffers for one editor session; ``folders`` are the workspace folders."""

    def __init__(self, lang: str | None = None, folders: list[Path] | None = None):
        self.lang = lang
        self.folders: list[Path] = [f.resolve() for f in folders or []]
        self._facts: dict[Path, _Facts] = {}
        self._vocab: dict[str, Any] = {}

    def set_folders(self, folders: list[Path]) -> None:
        self.folders = [f.resolve() for f in folders]

    def folder_of(self, path: Path) -> Path | None:
        """The deepest workspace folder that holds ``path``."""
        best = None
        for folder in self.folders:
            if path == folder or folder in path.parents:
                if best is None or len(folder.parts) > len(best.parts):
                    best = folder
        return best

    # ---- lint ---------------------------------------------------------------------------------

    def lint(self, path: Path, text: str, open_buffers: dict[Path, str] | None = None) -> BufferResult:
        """The findings of ``skpgen lint FILE`` (or, in a workspace folder, this file's findings of
        ``skpgen lint FOLDER``) for the buffer ``text`` of ``path``."""
        from skpgen.lint.config import ConfigError, discover, load_config
        from skpgen.lint.context import lt
        from skpgen.lint.engine import Settings, finish_batch, lint_bytes
        from skpgen.i18n import get_lang

        path = path.resolve()
        folder = self.folder_of(path)
        start = folder or path
        lang0 = get_lang(self.lang)
        try:
            config = load_config(None, start, lang0)
        except ConfigError as exc:
            return BufferResult([], [str(exc)])
        lang = get_lang(self.lang, config.lang)
        try:
            vocab = self._load_vocab(config.vocab)
        except Exception:  # noqa: BLE001 - VocabError, OSError: lint's "vocab missing" (exit 2)
            return BufferResult([], [lt("config.vocab_missing", lang, path=config.vocab)])
        settings = Settings(config=config, lang=lang, vocab=vocab)
        display = str(path)
        result = lint_bytes(text.encode("utf-8"), display, settings)
        findings = list(result.findings)
        if folder is not None and settings.batch:
            config_file = discover(start)
            config_key = (str(config_file), _mtime(config_file) if config_file else None, lang)
            own_batch, own_dirs = settings.batch, settings.batch_directives
            merged: dict[str, list[Any]] = {}
            merged_dirs: dict[str, list[Any]] = {}
            from skpgen.fsutil import yaml_files

            files = yaml_files(folder)
            if path not in {f.resolve() for f in files}:
                files.append(path)
            for f in sorted(files, key=str):
                if f.resolve() == path:
                    batch, dirs = own_batch, own_dirs
                else:
                    facts = self._facts_of(f.resolve(), (open_buffers or {}).get(f.resolve()), config, lang, vocab,
                                           config_key)
                    batch, dirs = facts.batch, facts.directives
                for code, states in batch.items():
                    merged.setdefault(code, []).extend(states)
                merged_dirs.update(dirs)
            settings.batch, settings.batch_directives = merged, merged_dirs
            findings.extend(f for f in finish_batch(settings) if f.file == display)
        findings.sort(key=Finding.sort_key)
        return BufferResult(findings, list(settings.crashes))

    def _load_vocab(self, where: str | None) -> Any:
        from skpgen.lint.vocab import load_vocab

        key = str(where)
        if key not in self._vocab:
            self._vocab[key] = load_vocab(where)
        return self._vocab[key]

    def _facts_of(self, path: Path, text: str | None, config: Any, lang: str, vocab: Any,
                  config_key: tuple[Any, ...]) -> _Facts:
        """The cross-file facts of another plan of the workspace (its buffer when open)."""
        from skpgen.lint.engine import Settings, lint_bytes, lint_path

        version = (hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest() if text is not None
                   else _mtime(path))
        key = (version, config_key)
        cached = self._facts.get(path)
        if cached is not None and cached.key == key:
            return cached
        settings = Settings(config=config, lang=lang, vocab=vocab)
        if text is not None:
            lint_bytes(text.encode("utf-8"), str(path), settings)
        else:
            lint_path(path, str(path), settings)
        facts = _Facts(key, settings.batch, settings.batch_directives)
        self._facts[path] = facts
        return facts


def _mtime(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
