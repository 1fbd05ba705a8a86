"""Word lists (``rules/*.txt``) and a small affix-aware Indonesian morphology for the S-rules.

The lists are data: the built-in ones come from ``resource_path("rules")``; an agency folder
passed with ``--vocab DIR`` adds entries (and removes those written ``!entry``). Everything is
loaded once per process and per vocab folder (:func:`load_vocab` is cached).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

from skpgen.resources import resource_path

LISTS = (
    "kata-kerja-operasional", "kata-kerja-kabur", "kata-kerja-perubahan", "frasa-kabur",
    "kualifier-kabur", "obyek-umum", "obyek-abstrak", "rutinitas-rendah", "mirip-tambahan", "satuan",
    "kata-periodik", "kata-periode", "nominalisasi", "hasil-rhk", "kata-kerja-bukan-aksi",
    "keluaran-konkret", "keluaran-generik", "verba-keluaran", "verba-proses", "nomina-aktivitas",
    "reduplikasi-baku", "tugas-titipan", "kata-tergabung", "kata-fungsi", "istilah-periodik",
)

_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ%]+(?:-[0-9A-Za-zÀ-ÿ]+)*")
_NUMBER = re.compile(r"\d")
# a meN- prefix with its allomorph constraints (me+l/r/w/y/m/n/ng/ny, mem+b/p/f/v, men+d/c/j/t/s/z, meng, meny)
_MEN = re.compile(r"^(?:meng|meny|memper|member|menter|mem(?=[bpfv])|men(?=[dcjtsz])|me(?=[lrwymn]))")
_BER = re.compile(r"^(?:ber|be(?=r)|bel(?=ajar))")
_TER = re.compile(r"^ter")
_PEN_AN = re.compile(r"^(?:pe[mnr]?|peng|peny|per|ke)\w{3,}an$")
_PEN_AN_ACT = re.compile(r"^(?:pe[mnr]?|peng|peny|per)\w{3,}an$")  # peN-an / per-an, not ke-an
_KE_AN = re.compile(r"^ke\w{3,}an$")
_NYA = re.compile(r"(\w{4,})nya\b")
_NOT_ACTIVITY = frozenset({"instansi", "informasi", "posisi", "kondisi", "situasi", "komisi", "provinsi",
                           "kompetensi", "organisasi", "aplikasi", "lokasi"})
_SUFFIXES = ("kannya", "nya", "kan", "i")


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case words of ``text`` (hyphenated words stay one token; numbers are tokens)."""
    return tuple(m.group(0).lower() for m in _WORD.finditer(text))


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))


class WordList:
    """Entries of one list: single words in a set, phrases as compiled whole-word regexes."""

    def __init__(self, entries: list[str]):
        self.entries = entries
        self.words = {e for e in entries if " " not in e}
        self._by_first: dict[str, list[str]] = {}  # first word -> entries, longest first (for starts)
        for e in sorted(entries, key=len, reverse=True):
            self._by_first.setdefault(e.split(" ", 1)[0], []).append(e)

    @cached_property
    def _any_re(self) -> re.Pattern[str] | None:
        """Compiled on first use: most lists are never searched in a given run."""
        if not self.entries:
            return None
        alts = "|".join(re.escape(e) for e in sorted(self.entries, key=len, reverse=True))
        return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])")

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def find(self, text: str) -> str | None:
        """The first entry (word or phrase) occurring in ``text`` as whole words, or None."""
        if self._any_re is None:
            return None
        m = self._any_re.search(text.lower())
        return m.group(0) if m else None

    def starts(self, text: str) -> str | None:
        """The entry that ``text`` starts with (whole words), or None."""
        toks = tokens(text)
        if not toks:
            return None
        low = " ".join(toks)
        for entry in self._by_first.get(toks[0], ()):
            if low == entry or low.startswith(entry + " "):
                return entry
        return None


@dataclass
class Vocab:
    lists: dict[str, WordList]
    nominal: dict[str, str] = field(default_factory=dict)  # noun -> suggested verb
    verb_stems: set[str] = field(default_factory=set)
    typo_targets: tuple[str, ...] = ()  # the listed verbs (and -kan/-i forms) a slip is measured against
    typo_set: frozenset[str] = frozenset()
    activity_nouns: frozenset[str] = frozenset()  # the nouns of nominalisasi.txt ("monitoring", "rapat")

    def __hash__(self) -> int:  # one Vocab per vocab folder (load_vocab is cached): identity is enough
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other

    def __getitem__(self, name: str) -> WordList:
        return self.lists[name]

    # ---- morphology -----------------------------------------------------------------------------

    def verb_kind(self, word: str) -> str:
        """Classify the first word of an uraian.

        ``"operasional"`` a listed operational verb (also with -kan/-i variants or a spelling
        variant of the same stem); ``"kabur"`` a listed vague verb; ``"aktif"`` an unlisted word
        with a well-formed meN- prefix (an active transitive verb); ``"intransitif"`` ber-;
        ``"pasif"`` di-/ter-; ``"nomina"`` a peN-…-an/ke-…-an noun or a listed noun; ``"bukan-aksi"``
        a meN- word that names no action ("menjadi", "memiliki"); ``"lain"``.
        """
        w = word.lower()
        if w in self.lists["kata-kerja-bukan-aksi"]:
            return "bukan-aksi"
        if w in self.lists["kata-kerja-kabur"]:
            return "kabur"
        if w in self.lists["kata-kerja-operasional"] or w in self.lists["kata-kerja-perubahan"]:
            return "operasional"
        if w.endswith("nya") and len(w) >= 7:
            return "pasif"  # a result form ("Meningkatnya", "Tersusunnya"), not an action
        if _MEN.match(w) and len(w) >= 6:
            return "operasional" if stem(w) in self.verb_stems else "aktif"
        if w in self.nominal:
            return "nomina"
        if _BER.match(w) and len(w) >= 6:
            return "intransitif"
        if (w.startswith("di") and len(w) >= 6 and not w.startswith(("digital", "dinas", "direktori", "distribusi",
                                                                       "diklat", "disiplin", "diskusi"))):
            return "pasif"
        if _TER.match(w) and len(w) >= 6:
            return "pasif"
        if _PEN_AN.match(w):
            return "nomina"
        return "lain"

    def suggest_verb(self, word: str) -> str | None:
        return self.nominal.get(word.lower())

    def is_activity_noun(self, word: str, *, broad: bool = False) -> bool:
        """A noun naming an activity: peN-an/per-an, a serapan in -si ("verifikasi"), a listed
        nominalisation ("monitoring", "rapat"). ``broad`` also takes other -an derivations
        ("tindakan", "asuhan") — safe only right after a process verb."""
        w = word.lower()
        if w in self.lists["nomina-aktivitas"] or w in self.activity_nouns:
            return True
        if _PEN_AN_ACT.match(w) or (len(w) >= 6 and w.endswith("si") and w not in _NOT_ACTIVITY):
            return True
        return broad and len(w) >= 6 and w.endswith("an") and not _KE_AN.match(w) \
            and w not in self.lists["keluaran-konkret"] and w not in self.lists["obyek-umum"]

    def concrete_output(self, text: str) -> str | None:
        """The first concrete output named in ``text`` ("laporan", "berita acara", "laporannya"), or None."""
        return self.lists["keluaran-konkret"].find(_NYA.sub(r"\1", text))

    def typo_of(self, word: str) -> str | None:
        """The listed verb that ``word`` is a typing slip of ("melakukkan" → "melakukan"), or None.

        Only for words the lists do not know: one edit (insert, delete, substitute, swap two
        neighbours) from a listed verb, two for words of ten letters or more. A word whose root the
        morphology (skpgen.lint.morfologi) knows as another word ("membuang" is not "membuat") is
        no slip.
        """
        return _typo_of(self, word.lower())


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (edits incl. swapping two neighbours), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=16384)
def _typo_of(vocab: "Vocab", w: str) -> str | None:
    if (len(w) < 6 or not w.isalpha() or w in vocab.typo_set
            or vocab.verb_kind(w) in ("operasional", "kabur", "bukan-aksi")):
        return None
    limit = 2 if len(w) >= 10 else 1
    best: tuple[int, str] | None = None
    for verb in vocab.typo_targets:
        if verb[:2] != w[:2]:
            continue  # slips keep the prefix: me-/di-/te-
        d = osa_distance(w, verb, limit)
        if d <= limit and (best is None or d < best[0]):
            best = (d, verb)
    if best is None:
        return None
    from skpgen.lint.morfologi import is_slip

    return best[1] if is_slip(w, best[1]) else None


def stem(word: str) -> str:
    """A crude stem for comparing spelling variants of meN- verbs (prefix and -kan/-i removed)."""
    w = word.lower()
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 5:
            w = w[: -len(suf)]
            break
    m = _MEN.match(w)
    if m:
        w = w[m.end():]
    # kk/k, ng+vowel variants: mengkoordinasi / mengoordinasi -> oordinasi / koordinasi
    return w.lstrip("k") if w.startswith("k") else w


def _noun_forms(verb: str) -> list[str]:
    """peN-…-an and loanword nouns derived from a meN- verb: menyusun → penyusunan."""
    v = verb.lower()
    for suf in ("kan", "i"):
        if v.endswith(suf) and len(v) - len(suf) >= 5:
            v = v[: -len(suf)]
            break
    out = []
    if v.startswith("me"):
        out.append("pe" + v[2:] + "an")
        for prefix in ("meng", "meny", "mem", "men", "me"):
            if v.startswith(prefix) and len(v) - len(prefix) >= 4:
                out.append(v[len(prefix):])
    return out


def _read_list(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            out.append(" ".join(line.lower().split()) if "=" not in line else line)
    return out


from skpgen.lint.settings import VocabError  # noqa: E402,F401 - defined there (no vocabulary needed to catch it)


@cache
def load_vocab(extra_dir: str | None = None) -> Vocab:
    """The built-in lists plus the entries of ``extra_dir`` (same file names). Cached per folder."""
    base = resource_path("rules")
    raw: dict[str, list[str]] = {}
    for name in LISTS:
        raw[name] = _read_list(base / f"{name}.txt")
    if extra_dir:
        folder = Path(extra_dir)
        if not folder.is_dir():
            raise VocabError(str(folder))
        for name in LISTS:
            f = folder / f"{name}.txt"
            if f.is_file():
                for entry in _read_list(f):
                    if entry.startswith("!"):
                        target = entry[1:].strip()
                        raw[name] = [e for e in raw[name] if e.split("=")[0].strip() != target]
                    else:
                        raw[name].append(entry)
    nominal: dict[str, str] = {}
    activity: set[str] = set()
    for verb in raw["kata-kerja-operasional"]:
        for noun in _noun_forms(verb):
            nominal.setdefault(noun, verb)
    for entry in raw["nominalisasi"]:
        if "=" in entry:
            noun, verb = (s.strip() for s in entry.split("=", 1))
            nominal[noun.lower()] = verb
            activity.add(noun.lower())
    lists = {name: WordList(list(dict.fromkeys(e for e in raw[name] if "=" not in e)))
             for name in LISTS}
    stems = {stem(v) for v in raw["kata-kerja-operasional"]}
    targets = set(raw["kata-kerja-operasional"]) | set(raw["kata-kerja-kabur"]) | set(raw["hasil-rhk"])
    for v in raw["kata-kerja-operasional"]:
        if v.endswith("kan"):
            targets.add(v[:-3])
        else:
            targets.add(v + "kan")
            if not v.endswith("i"):
                targets.add(v + "i")
    typo = tuple(sorted(t for t in targets if " " not in t and len(t) >= 6))
    return Vocab(lists=lists, nominal=nominal, verb_stems=stems, typo_targets=typo, typo_set=frozenset(typo),
                 activity_nouns=frozenset(activity))
