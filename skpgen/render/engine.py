"""DOCX template engine: Jinja tags inside an ordinary .docx, rendered on the XML tree.

Tag syntax (in the text of the document, its headers, footers, footnotes and endnotes)
-------------------------------------------------------------------------------------
``{{ expr }}``
    A value inside a paragraph, e.g. ``{{ pegawai.nama }}`` or ``{{ nilai | nilai }}``. Every value
    is XML-escaped (``& < > " '``); ``None`` prints as nothing; a newline in the value becomes a
    line break (``<w:br/>``) and a tab a tab stop. A value containing a character XML 1.0 forbids
    (e.g. U+0001) is refused with a :class:`RenderError` (``render/invalid-xml-char``).
``{%p for x in xs %}`` … ``{%p endfor %}``
    Paragraph-level blocks: a paragraph whose whole text is the tag is *replaced* by the Jinja
    statement, so the paragraphs between the two tags repeat. Likewise ``{%p if cond %}``,
    ``{%p elif cond %}``, ``{%p else %}``, ``{%p endif %}``, ``{%p set x = … %}``.
``{%tr for x in xs %}`` … ``{%tr endfor %}``
    Row-level blocks: a table row whose first cell holds only the tag (the other cells empty) is
    replaced by the statement, so the rows between repeat. ``{%tr if %}`` etc. work the same.
``{% if c %}…{% endif %}``, ``{% for %}…{% endfor %}``
    Inline blocks inside one paragraph (they must open and close in the same paragraph).
``{# comment #}``
    Removed from the output.

Tags may be split by Word over several runs (spell-check marks, rsid, language changes, or even
different formatting): runs are normalised once, when the template is loaded, so that each tag
lies in one run; a tag spanning differently formatted runs takes the formatting of its first run
(``check_template`` reports it as ``template/split-tag``). Curly quotes typed by Word inside a tag
are straightened (reported as ``template/smart-quote``).

Templates run in :class:`jinja2.sandbox.ImmutableSandboxedEnvironment` with ``StrictUndefined``
and an allow-listed set of filters (see :data:`ALLOWED_BUILTIN_FILTERS` and
:mod:`skpgen.render.filters`). ``range`` is capped by the sandbox, and every part's output is
capped in size. After rendering, each part is re-parsed strictly (no recovery); cells left without
a paragraph get an empty one and tables left without rows by a loop are dropped; any other
invalid output is refused. The zip is written deterministically (template member order, fixed
timestamps, unchanged members copied raw), so the same template, context and core properties give
byte-identical files.

Public API::

    tpl = Template.from_path("form.docx")          # normalise + compile once
    data = tpl.render(context, core=CoreProperties(title=..., creator=..., created=..., modified=...))
    tpl.render_to(Path("out.docx"), context, core=...)   # atomic write
    issues = check_template("form.docx", schema_path=..., allowed_names={"skor", "form"})
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skpgen.render.docxzip import (
    DEFAULT_DATE_TIME,
    RawMember,
    ZipFormatError,
    ZipSource,
    build_zip,
    deflate_member,
    stored_member,
)
from skpgen.render.filters import FILTERS, FilterError
from skpgen.render.xmlsafe import IllegalXmlCharError, escape_text, xml_text

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W_NS
W_P = _W + "p"
W_R = _W + "r"
W_T = _W + "t"
W_RPR = _W + "rPr"
W_TC = _W + "tc"
W_TCPR = _W + "tcPr"
W_TR = _W + "tr"
W_TBL = _W + "tbl"
W_PROOFERR = _W + "proofErr"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_TEMPLATED_CONTENT_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "document.macroEnabled.main+xml",
    "wordprocessingml.header+xml",
    "wordprocessingml.footer+xml",
    "wordprocessingml.footnotes+xml",
    "wordprocessingml.endnotes+xml",
)
_CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"

TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_OPEN_DELIM_RE = re.compile(r"\{\{|\{%|\{#")
_LEVEL_RE = re.compile(r"\{%(p|tr|tc|r)\s(.*?)%\}\Z", re.S)
_SMART = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'"})
_SMART_RE = re.compile("[\u201c\u201d\u201e\u2018\u2019\u201a]")
_RESERVED_RE = re.compile("[\ue000\ue001]|<\\?skpgen-tag")
_SOURCE_SPLIT_RE = re.compile("<\\?skpgen-tag (\\d+)\\?>|\ue000(\\d+)\ue001")
_ENDRAW_RE = re.compile(r"\{%[-+]?\s*endraw")
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_NOISE_RPR = {_W + "lang", _W + "noProof", _W + "proofErr"}
_SIMPLE_RUN_CHILDREN = {W_RPR, W_T}

#: Jinja's own filters that templates may use (no attr/format/safe/escape/xmlattr/tojson/...).
ALLOWED_BUILTIN_FILTERS = frozenset(
    {
        "abs", "batch", "capitalize", "center", "count", "default", "d", "dictsort", "first",
        "float", "groupby", "int", "items", "join", "last", "length", "list", "lower", "map", "max",
        "min", "reject", "rejectattr", "replace", "reverse", "round", "select", "selectattr",
        "slice", "sort", "string", "striptags", "sum", "title", "trim", "truncate", "unique",
        "upper", "wordcount",
    }
)
_OPENERS = {"for", "if", "with", "macro", "call", "filter", "autoescape", "block"}
_MIDDLES = {"elif": {"if"}, "else": {"if", "for"}}

DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024  # characters per rendered part


# --------------------------------------------------------------------------------------------
# errors and results


@dataclass(frozen=True)
class TemplateIssue:
    """A problem found in a template (by loading it or by :func:`check_template`)."""

    id: str  # e.g. "template/split-tag"
    part: str  # e.g. "word/document.xml"
    paragraph: str  # the paragraph (or row) text, shortened
    message: str
    severity: str = "error"  # "error" | "warning"
    tag: str = ""

    def __str__(self) -> str:
        where = f"{self.part}: '{self.paragraph}'" if self.paragraph else self.part
        return f"{self.id}: {self.message} ({where})"


class TemplateError(Exception):
    """The template cannot be used; ``issues`` lists every error found."""

    def __init__(self, issues: list[TemplateIssue], source: str = "", all_issues: list[TemplateIssue] | None = None) -> None:
        self.issues = issues
        self.all_issues = all_issues if all_issues is not None else list(issues)
        self.source = source
        head = f"{source}: " if source else ""
        super().__init__(head + "; ".join(str(i) for i in issues))


class RenderError(Exception):
    """Rendering failed. ``id`` is stable (``render/undefined-variable``, ``render/invalid-xml-char``,
    ``render/security``, ``render/range-too-large``, ``render/output-too-large``,
    ``render/filter-error``, ``render/evaluation-error``, ``render/invalid-xml``,
    ``render/invalid-structure``); ``tag``/``part``/``paragraph`` locate it in the template."""

    def __init__(self, id: str, detail: str, *, part: str = "", tag: str = "", paragraph: str = "") -> None:
        self.id = id
        self.detail = detail
        self.part = part
        self.tag = tag
        self.paragraph = paragraph
        loc = []
        if tag:
            loc.append(f"tag {tag}")
        if part:
            loc.append(part)
        if paragraph:
            loc.append(f"paragraph '{paragraph}'")
        super().__init__(f"{id}: {detail}" + (f" [{', '.join(loc)}]" if loc else ""))


@dataclass
class CoreProperties:
    """docProps/core.xml values; dates as date/datetime or ISO strings. Unset fields keep the
    template's value, except lastModifiedBy (defaults to creator) and revision (always 1)."""

    title: str | None = None
    creator: str | None = None
    created: _dt.datetime | _dt.date | str | None = None
    modified: _dt.datetime | _dt.date | str | None = None
    subject: str | None = None
    keywords: str | None = None
    description: str | None = None
    last_modified_by: str | None = None


# --------------------------------------------------------------------------------------------
# internal structures


@dataclass
class _Tag:
    index: int
    text: str  # tag as written (quotes straightened), e.g. "{{ pegawai.nama }}"
    level: str  # "inline" | "p" | "tr"
    kind: str  # "value" | "block" | "comment"
    statement: str  # for blocks: the statement without delimiters, e.g. "for x in xs"
    paragraph: str
    container: Any = None
    start_line: int = 0
    end_line: int = 0

    @property
    def keyword(self) -> str:
        return self.statement.split(None, 1)[0] if self.statement.strip() else ""


@dataclass
class _Prepared:
    name: str
    source: str
    tags: list[_Tag]
    issues: list[TemplateIssue] = field(default_factory=list)


def _short(text: str, n: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


# --------------------------------------------------------------------------------------------
# run normalisation


def _own_texts(p) -> list:
    """The <w:t> elements belonging to paragraph ``p`` (not to paragraphs nested in text boxes)."""
    out = []
    for t in p.iter(W_T):
        anc = t.getparent()
        while anc is not None and anc.tag != W_P:
            anc = anc.getparent()
        if anc is p:
            out.append(t)
    return out


def _rpr_key(run) -> bytes:
    from lxml import etree

    rpr = run.find(W_RPR)
    if rpr is None:
        return b""
    clone = etree.Element(rpr.tag)
    for child in rpr:
        if child.tag not in _NOISE_RPR and isinstance(child.tag, str):
            clone.append(_clone(child))
    if len(clone) == 0:
        return b""
    return etree.tostring(clone, method="c14n")


def _clone(el):
    import copy

    return copy.deepcopy(el)


def _is_simple_run(run) -> bool:
    return run.tag == W_R and all(c.tag in _SIMPLE_RUN_CHILDREN for c in run)


def _merge_runs(p) -> None:
    """Merge adjacent text-only runs whose properties are equal once noise is ignored."""
    children = list(p)
    prev = None
    prev_key = None
    for el in children:
        if _is_simple_run(el) and (el.tail is None or not el.tail.strip()):
            key = _rpr_key(el)
            if prev is not None and key == prev_key:
                texts = prev.findall(W_T)
                target = texts[-1] if texts else None
                add = "".join(t.text or "" for t in el.findall(W_T))
                if target is None:
                    from lxml import etree

                    target = etree.SubElement(prev, W_T)
                    target.text = ""
                target.text = (target.text or "") + add
                target.set(XML_SPACE, "preserve")
                p.remove(el)
                continue
            prev, prev_key = el, key
        else:
            prev, prev_key = None, None
    # also join several <w:t> within one simple run
    for el in p:
        if _is_simple_run(el):
            texts = el.findall(W_T)
            if len(texts) > 1:
                texts[0].text = "".join(t.text or "" for t in texts)
                texts[0].set(XML_SPACE, "preserve")
                for t in texts[1:]:
                    el.remove(t)


def _strip_noise(root) -> None:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in [a for a in el.attrib if a.startswith(_W + "rsid")]:
            del el.attrib[attr]
    for pe in list(root.iter(W_PROOFERR)):
        parent = pe.getparent()
        if pe.tail:
            prev = pe.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + pe.tail
            else:
                parent.text = (parent.text or "") + pe.tail
        parent.remove(pe)


def _join_split_tags(p, part: str, issues: list[TemplateIssue]) -> None:
    """Move the text of every tag that spans several <w:t> into the first one."""
    segs = _own_texts(p)
    if len(segs) < 2:
        return
    texts = [t.text or "" for t in segs]
    full = "".join(texts)
    owner: list[int] = []
    for i, s in enumerate(texts):
        owner.extend([i] * len(s))
    changed = False
    for m in TAG_RE.finditer(full):
        first = owner[m.start()]
        if owner[m.end() - 1] != first:
            issues.append(
                TemplateIssue(
                    "template/split-tag",
                    part,
                    _short(full),
                    "tag is split across runs with different formatting; it renders with the "
                    "formatting of its first part",
                    "warning",
                    m.group(0),
                )
            )
            for k in range(m.start(), m.end()):
                owner[k] = first
            changed = True
    if not changed:
        return
    new = [[] for _ in segs]
    for ch, o in zip(full, owner):
        new[o].append(ch)
    for t, chars in zip(segs, new):
        t.text = "".join(chars)
        t.set(XML_SPACE, "preserve")
        if not t.text:
            run = t.getparent()
            run.remove(t)
            if run.tag == W_R and all(c.tag == W_RPR for c in run):
                run.getparent().remove(run)


# --------------------------------------------------------------------------------------------
# preparing one part: normalise, classify tags, build the Jinja source


def _find_ancestor(el, tag):
    anc = el.getparent()
    while anc is not None and anc.tag != tag:
        anc = anc.getparent()
    return anc


def _prepare_part(name: str, xml: bytes) -> _Prepared | None:
    from lxml import etree

    text_probe = xml.decode("utf-8", errors="replace")
    root = etree.fromstring(xml, _parser())
    issues: list[TemplateIssue] = []
    paragraphs = list(root.iter(W_P))
    # quick exit: no tag delimiters in any paragraph text
    plain = ["".join(t.text or "" for t in _own_texts(p)) for p in paragraphs]
    if not any(_OPEN_DELIM_RE.search(s) for s in plain):
        return None
    if _RESERVED_RE.search(text_probe):
        issues.append(TemplateIssue("template/reserved-text", name, "", "the part contains reserved characters U+E000/U+E001"))
        return _Prepared(name, "", [], issues)

    _strip_noise(root)
    for p, s in zip(paragraphs, plain):
        if "{" in s:
            _merge_runs(p)
            _join_split_tags(p, name, issues)

    tags: list[_Tag] = []
    replace: list[tuple[Any, int]] = []
    replaced_rows: set = set()

    def new_tag(text: str, level: str, para: str, container) -> _Tag:
        fixed = text
        if _SMART_RE.search(text):
            issues.append(
                TemplateIssue("template/smart-quote", name, _short(para), "curly quotes inside a tag were straightened", "warning", text)
            )
            fixed = text.translate(_SMART)
        if level == "inline":
            kind = {"{{": "value", "{%": "block", "{#": "comment"}[fixed[:2]]
            statement = fixed[2:-2].strip("-+ \t\r\n") if kind == "block" else ""
        else:
            kind = "block"
            m = _LEVEL_RE.match(fixed)
            statement = m.group(2).strip() if m else ""
        tag = _Tag(len(tags), fixed, level, kind, statement, _short(para), container)
        tags.append(tag)
        return tag

    for p in paragraphs:
        segs = _own_texts(p)
        para_text = "".join(t.text or "" for t in segs)
        if "{" not in para_text:
            continue
        row = _find_ancestor(p, W_TR)
        if row is not None and id(row) in replaced_rows:
            continue
        for t in segs:
            src = t.text or ""
            if not TAG_RE.search(src):
                continue
            out: list[str] = []
            pos = 0
            for m in TAG_RE.finditer(src):
                out.append(src[pos : m.start()])
                pos = m.end()
                raw = m.group(0)
                lm = _LEVEL_RE.match(raw.translate(_SMART))
                if lm is None:
                    tag = new_tag(raw, "inline", para_text, p)
                    out.append("" if tag.kind == "comment" else f"\ue000{tag.index}\ue001")
                    continue
                level = lm.group(1)
                if level in ("tc", "r"):
                    issues.append(
                        TemplateIssue("template/unsupported-tag", name, _short(para_text), f"{{%{level} %}} tags are not supported", "error", raw)
                    )
                    continue
                if level == "p":
                    tag = new_tag(raw, "p", para_text, p.getparent())
                    if para_text.strip() != raw:
                        issues.append(
                            TemplateIssue("template/block-not-alone", name, _short(para_text), "a {%p %} tag must be the only text of its paragraph", "error", raw)
                        )
                    else:
                        replace.append((p, tag.index))
                    continue
                # level == "tr"
                tc = _find_ancestor(p, W_TC)
                tr = tc.getparent() if tc is not None else None
                if tr is None or tr.tag != W_TR:
                    issues.append(TemplateIssue("template/tr-position", name, _short(para_text), "a {%tr %} tag must be inside a table row", "error", raw))
                    continue
                tag = new_tag(raw, "tr", para_text, tr.getparent())
                first_tc = tr.find(W_TC)
                if first_tc is not tc:
                    issues.append(
                        TemplateIssue("template/tr-position", name, _short(para_text), "a {%tr %} tag must be in the first cell of its row", "error", raw)
                    )
                    continue
                row_text = "".join(x.text or "" for x in tr.iter(W_T))
                if row_text.strip() != raw:
                    issues.append(
                        TemplateIssue("template/block-not-alone", name, _short(row_text), "a {%tr %} row must contain only the tag", "error", raw)
                    )
                    continue
                replace.append((tr, tag.index))
                replaced_rows.add(id(tr))
            out.append(src[pos:])
            t.text = "".join(out)
            t.set(XML_SPACE, "preserve")
        # delimiters left open in this paragraph (e.g. "{{ x }" or "{% if")
        leftover = TAG_RE.sub("", para_text.translate(_SMART))
        if _OPEN_DELIM_RE.search(leftover):
            issues.append(TemplateIssue("template/unclosed-tag", name, _short(para_text), "a tag is opened but not closed in this paragraph"))

    issues.extend(_check_balance(name, tags))

    for el, idx in replace:
        parent = el.getparent()
        if parent is None:
            continue
        pi = etree.ProcessingInstruction("skpgen-tag", str(idx))
        pi.tail = el.tail
        parent.replace(el, pi)

    source = _build_source(etree.tostring(root, encoding="unicode"), tags, name, issues)
    return _Prepared(name, source, tags, issues)


def _check_balance(part: str, tags: list[_Tag]) -> list[TemplateIssue]:
    issues: list[TemplateIssue] = []
    stack: list[_Tag] = []
    for tag in tags:
        if tag.kind != "block":
            continue
        kw = tag.keyword
        if kw in _OPENERS or (kw == "set" and "=" not in tag.statement):
            stack.append(tag)
        elif kw in _MIDDLES or kw.startswith("end"):
            want = _MIDDLES.get(kw) or {kw[3:]}
            if not stack or stack[-1].keyword not in want:
                issues.append(
                    TemplateIssue("template/unbalanced-block", part, tag.paragraph, f"'{kw}' without a matching opening block", "error", tag.text)
                )
                continue
            opener = stack[-1]
            if opener.level != tag.level or opener.container is not tag.container:
                issues.append(
                    TemplateIssue(
                        "template/block-crosses-boundary",
                        part,
                        tag.paragraph,
                        f"'{kw}' closes '{opener.text}' across a paragraph/row/table boundary "
                        "(use {%p %} for paragraphs and {%tr %} for rows, opened and closed at the same level)",
                        "error",
                        tag.text,
                    )
                )
            if kw.startswith("end"):
                stack.pop()
    for tag in stack:
        issues.append(TemplateIssue("template/unbalanced-block", part, tag.paragraph, f"'{tag.keyword}' is never closed", "error", tag.text))
    return issues


def _tag_source(tag: _Tag) -> str:
    if tag.level != "inline":
        return "{%\n" + tag.statement + "\n%}"
    body = tag.text[2:-2]
    open_d, close_d = tag.text[:2], tag.text[-2:]
    if body[:1] in ("-", "+"):
        open_d, body = open_d + body[0], body[1:]
    if body[-1:] in ("-", "+"):
        close_d, body = body[-1] + close_d, body[:-1]
    return open_d + "\n" + body + "\n" + close_d


def _build_source(xml: str, tags: list[_Tag], part: str, issues: list[TemplateIssue]) -> str:
    out: list[str] = [_XML_DECL]
    line = 1 + _XML_DECL.count("\n")
    pos = 0

    def add_chunk(chunk: str) -> None:
        nonlocal line
        if not chunk:
            return
        if "{" in chunk:
            if _ENDRAW_RE.search(chunk):
                issues.append(TemplateIssue("template/reserved-text", part, "", "the part contains the text '{% endraw'"))
            chunk = "{% raw %}" + chunk + "{% endraw %}"
        out.append(chunk)
        line += chunk.count("\n")

    for m in _SOURCE_SPLIT_RE.finditer(xml):
        add_chunk(xml[pos : m.start()])
        pos = m.end()
        tag = tags[int(m.group(1) or m.group(2))]
        src = _tag_source(tag)
        tag.start_line = line
        line += src.count("\n")
        tag.end_line = line
        out.append(src)
    add_chunk(xml[pos:])
    return "".join(out)


def tag_for_line(tags: list[_Tag], lineno: int | None) -> _Tag | None:
    if lineno is None:
        return None
    fallback = None
    for tag in tags:
        if tag.start_line < lineno < tag.end_line:
            return tag
        if fallback is None and tag.start_line <= lineno <= tag.end_line:
            fallback = tag
    return fallback


# --------------------------------------------------------------------------------------------
# Jinja environment


class _InvalidValue(Exception):
    def __init__(self, err: IllegalXmlCharError) -> None:
        super().__init__(str(err))
        self.err = err


def _finalize(value: Any) -> str:
    try:
        return xml_text(value)
    except IllegalXmlCharError as err:
        raise _InvalidValue(err) from None


def make_environment():
    """The sandboxed Jinja environment used for every template (exposed for tests/tools)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=0,
    )
    env.filters = {k: v for k, v in env.filters.items() if k in ALLOWED_BUILTIN_FILTERS}
    env.filters.update(FILTERS)
    env.globals.pop("lipsum", None)
    return env


def _template_lineno(exc: BaseException, filename: str) -> int | None:
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


# --------------------------------------------------------------------------------------------
# the compiled template


@dataclass
class _CompiledPart:
    name: str
    template: Any
    tags: list[_Tag]


def _content_types(src: ZipSource) -> dict[str, str]:
    from lxml import etree

    try:
        root = etree.fromstring(src.read("[Content_Types].xml"), _parser())
    except KeyError:
        raise ZipFormatError("not a .docx: [Content_Types].xml is missing") from None
    out: dict[str, str] = {}
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    for ov in root.iter(ns + "Override"):
        out[ov.get("PartName", "").lstrip("/")] = ov.get("ContentType", "")
    return out


def _w3cdtf(value: _dt.datetime | _dt.date | str) -> str:
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                value = _dt.date.fromisoformat(text)
            else:
                value = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"not an ISO date/time for core properties: {value!r}") from None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat() + "Z"
    return f"{value.isoformat()}T00:00:00Z"


class Template:
    """A .docx template normalised and compiled once; :meth:`render` may be called many times."""

    def __init__(self, data: bytes, *, source_name: str = "<template>", max_output: int = DEFAULT_MAX_OUTPUT) -> None:
        from jinja2 import TemplateSyntaxError

        self.source_name = source_name
        self.max_output = max_output
        try:
            self._zip = ZipSource(data)
            ctypes = _content_types(self._zip)
        except ZipFormatError as exc:
            raise TemplateError([TemplateIssue("template/not-docx", "", "", str(exc))], source_name) from None
        self._core_name = next((n for n, ct in ctypes.items() if ct == _CORE_CT), None)
        env = make_environment()
        self.environment = env
        self.parts: dict[str, _CompiledPart] = {}
        self.issues: list[TemplateIssue] = []
        self._prepared: list[_Prepared] = []
        from lxml import etree

        for name in self._zip.names:
            if not ctypes.get(name, "").endswith(_TEMPLATED_CONTENT_TYPES):
                continue
            try:
                prepared = _prepare_part(name, self._zip.read(name))
            except etree.XMLSyntaxError as exc:
                self.issues.append(TemplateIssue("template/malformed-xml", name, "", f"the part is not well-formed XML: {exc}"))
                continue
            if prepared is None:
                continue
            self._prepared.append(prepared)
            self.issues.extend(prepared.issues)
            if any(i.severity == "error" for i in prepared.issues):
                continue
            try:
                code = env.compile(prepared.source, name=name, filename=name)
            except TemplateSyntaxError as exc:
                tag = tag_for_line(prepared.tags, exc.lineno)
                self.issues.append(
                    TemplateIssue(
                        "template/syntax-error",
                        name,
                        tag.paragraph if tag else "",
                        f"Jinja syntax error: {exc.message}",
                        "error",
                        tag.text if tag else "",
                    )
                )
                continue
            tmpl = env.template_class.from_code(env, code, env.make_globals(None), None)
            self.parts[name] = _CompiledPart(name, tmpl, prepared.tags)
        errors = [i for i in self.issues if i.severity == "error"]
        if errors:
            raise TemplateError(errors, source_name, self.issues)
        self._core_template: bytes | None = self._zip.read(self._core_name) if self._core_name else None
        try:
            self.chart_slots: dict[str, ChartSlot] = _chart_slots(self._zip, ctypes)
        except (etree.XMLSyntaxError, KeyError) as exc:
            raise TemplateError([TemplateIssue("template/chart", "", "", f"unreadable chart slot: {exc}")], source_name) from None

    # ---- construction

    @classmethod
    def from_path(cls, path: Path | str, **kw: Any) -> "Template":
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise TemplateError([TemplateIssue("template/unreadable", "", "", f"cannot read {path}: {exc.strerror or exc}")], str(path)) from None
        return cls(data, source_name=str(path), **kw)

    @property
    def tags(self) -> list[str]:
        return [t.text for part in self.parts.values() for t in part.tags]

    # ---- rendering

    def render(
        self,
        context: Mapping[str, Any],
        *,
        core: CoreProperties | None = None,
        date_time: tuple[int, int, int, int, int, int] = DEFAULT_DATE_TIME,
    ) -> bytes:
        """Render to the bytes of a .docx. Raises :class:`RenderError`."""
        ctx = dict(context)
        charts = self._chart_members(ctx) if self.chart_slots else {}
        members: list[RawMember] = []
        for m in self._zip.members:
            part = self.parts.get(m.name)
            if part is not None:
                members.append(deflate_member(m.name, self._render_part(part, ctx)))
            elif m.name in charts:
                members.append(charts[m.name])
            elif core is not None and m.name == self._core_name:
                members.append(deflate_member(m.name, self._core_xml(core)))
            else:
                members.append(m)
        return build_zip(members, date_time)

    def _chart_members(self, ctx: Mapping[str, Any]) -> dict[str, RawMember]:
        """The chart parts (and workbooks) of the slots whose context value is a BarChart."""
        from skpgen.render.chart import BarChart, chart_xml, workbook_xlsx

        out: dict[str, RawMember] = {}
        for slot in self.chart_slots.values():
            value = ctx.get(slot.name)
            if value is None:
                continue  # the template's own chart stays
            if not isinstance(value, BarChart):
                raise RenderError("render/chart-value", f"chart slot '{slot.name}' needs a chart, got {type(value).__name__}",
                                  part=slot.chart_part)
            try:
                out[slot.chart_part] = deflate_member(slot.chart_part, chart_xml(value, slot.workbook_rid))
            except IllegalXmlCharError as err:
                raise RenderError("render/invalid-xml-char", f"chart '{slot.name}': {err}", part=slot.chart_part) from None
            if slot.workbook_part:
                out[slot.workbook_part] = stored_member(slot.workbook_part, workbook_xlsx(value))
        return out

    def render_to(self, path: Path | str, context: Mapping[str, Any], **kw: Any) -> None:
        """Render and write atomically (temp file in the same directory + os.replace)."""
        from skpgen.fsutil import atomic_write_bytes

        data = self.render(context, **kw)
        atomic_write_bytes(Path(path), data)

    def _error(self, part: _CompiledPart, id: str, detail: str, exc: BaseException | None) -> RenderError:
        tag = tag_for_line(part.tags, _template_lineno(exc, part.name)) if exc is not None else None
        return RenderError(id, detail, part=part.name, tag=tag.text if tag else "", paragraph=tag.paragraph if tag else "")

    def _render_part(self, part: _CompiledPart, ctx: dict[str, Any]) -> bytes:
        from jinja2 import TemplateError as JinjaTemplateError
        from jinja2 import UndefinedError
        from jinja2.exceptions import SecurityError

        limit = self.max_output
        chunks: list[str] = []
        size = 0
        try:
            for chunk in part.template.generate(ctx):
                size += len(chunk)
                if size > limit:
                    raise RenderError("render/output-too-large", f"rendered part exceeds {limit} characters", part=part.name)
                chunks.append(chunk)
        except RenderError:
            raise
        except _InvalidValue as exc:
            raise self._error(part, "render/invalid-xml-char", str(exc), exc) from None
        except SecurityError as exc:
            raise self._error(part, "render/security", f"unsafe operation refused by the sandbox: {exc}", exc) from None
        except UndefinedError as exc:
            raise self._error(part, "render/undefined-variable", f"undefined value: {exc.message}", exc) from None
        except OverflowError as exc:
            raise self._error(part, "render/range-too-large", f"range too large: {exc}", exc) from None
        except FilterError as exc:
            raise self._error(part, "render/filter-error", str(exc), exc) from None
        except JinjaTemplateError as exc:
            raise self._error(part, "render/template-error", str(exc), exc) from None
        except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
            raise self._error(part, "render/evaluation-error", f"{type(exc).__name__}: {exc}", exc) from None
        except RecursionError as exc:
            raise self._error(part, "render/evaluation-error", "recursion too deep", exc) from None
        data = "".join(chunks).encode("utf-8")
        return _validate_part(part.name, data)

    def _core_xml(self, core: CoreProperties) -> bytes:
        from lxml import etree

        cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
        dc = "http://purl.org/dc/elements/1.1/"
        dcterms = "http://purl.org/dc/terms/"
        xsi = "http://www.w3.org/2001/XMLSchema-instance"
        assert self._core_template is not None
        root = etree.fromstring(self._core_template, _parser())

        def put(ns: str, local: str, value: str | None, w3c: bool = False) -> None:
            el = root.find(f"{{{ns}}}{local}")
            if value is None:
                return
            try:
                escape_text(value)  # refuses XML-forbidden characters
            except IllegalXmlCharError as err:
                raise RenderError("render/invalid-xml-char", f"core property {local}: {err}", part=self._core_name or "") from None
            if el is None:
                el = etree.SubElement(root, f"{{{ns}}}{local}")
            el.text = value
            if w3c:
                el.set(f"{{{xsi}}}type", "dcterms:W3CDTF")

        put(dc, "title", core.title)
        put(dc, "creator", core.creator)
        put(dc, "subject", core.subject)
        put(cp, "keywords", core.keywords)
        put(dc, "description", core.description)
        put(cp, "lastModifiedBy", core.last_modified_by if core.last_modified_by is not None else core.creator)
        put(cp, "revision", "1")
        for local in ("lastPrinted",):
            el = root.find(f"{{{cp}}}{local}")
            if el is not None:
                root.remove(el)
        try:
            put(dcterms, "created", _w3cdtf(core.created) if core.created is not None else None, True)
            put(dcterms, "modified", _w3cdtf(core.modified) if core.modified is not None else None, True)
        except ValueError as exc:
            raise RenderError("render/core-properties", str(exc), part=self._core_name or "") from None
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass(frozen=True)
class ChartSlot:
    """A chart in the template that rendering fills from the context value ``name``."""

    name: str
    chart_part: str
    workbook_part: str | None
    workbook_rid: str | None


def _rels_targets(src: ZipSource, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, resolved part name) of ``part`` (internal targets only)."""
    import posixpath

    from lxml import etree

    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name not in src.names:
        return {}
    root = etree.fromstring(src.read(rels_name), _parser())
    out = {}
    for rel in root:
        if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), resolved)
    return out


def _chart_slots(src: ZipSource, ctypes: dict[str, str]) -> dict[str, ChartSlot]:
    """Chart slots of the main document: drawings named ``skpgen:NAME`` that hold a ``c:chart``."""
    from lxml import etree

    from skpgen.render.chart import CT_CHART, NS_C, NS_R, NS_WP, REL_PACKAGE, SLOT_PREFIX

    main = next((n for n, ct in ctypes.items() if ct.endswith("document.main+xml")), None)
    if main is None:
        return {}
    xml = src.read(main)
    if SLOT_PREFIX.encode() not in xml or NS_C.encode() not in xml:
        return {}
    rels = _rels_targets(src, main)
    slots: dict[str, ChartSlot] = {}
    root = etree.fromstring(xml, _parser())
    for docpr in root.iter("{%s}docPr" % NS_WP):
        name = docpr.get("name", "")
        if not name.startswith(SLOT_PREFIX):
            continue
        chart = next(docpr.getparent().iter("{%s}chart" % NS_C), None)
        if chart is None:
            continue
        rel = rels.get(chart.get("{%s}id" % NS_R, ""))
        if rel is None or ctypes.get(rel[1]) != CT_CHART:
            continue
        book = next(((rid, target) for rid, (typ, target) in _rels_targets(src, rel[1]).items()
                     if typ == REL_PACKAGE and target in src.names), None)
        slots[name[len(SLOT_PREFIX):]] = ChartSlot(name[len(SLOT_PREFIX):], rel[1], book[1] if book else None,
                                                   book[0] if book else None)
    return slots


def _validate_part(name: str, data: bytes) -> bytes:
    """Strict re-parse of a rendered part and the OOXML table invariants (fixing loop leftovers)."""
    from lxml import etree

    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise RenderError("render/invalid-xml", f"rendered XML is not well-formed ({exc}); output refused", part=name) from None
    changed = False
    for tr in list(root.iter(W_TR)):
        if tr.find(W_TC) is None and tr.find(_W + "sdt") is None and tr.find(_W + "customXml") is None:
            raise RenderError("render/invalid-structure", "a table row has no cells; output refused", part=name)
    for tbl in list(root.iter(W_TBL)):
        if tbl.find(W_TR) is None and tbl.find(_W + "sdt") is None and tbl.find(_W + "customXml") is None:
            parent = tbl.getparent()  # all rows were removed by a loop: drop the table
            parent.remove(tbl)
            changed = True
    for tc in list(root.iter(W_TC)):
        if len(tc) and tc[-1].tag == W_P:
            continue  # the common case: the cell ends with its paragraph
        last = None
        for child in reversed(tc):
            if isinstance(child.tag, str) and child.tag != W_TCPR:
                last = child
                break
        if last is None or last.tag != W_P:
            etree.SubElement(tc, W_P)
            changed = True
    if changed:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data
