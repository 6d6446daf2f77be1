"""jieba's word segmentation for the few stretches a diff changes, without loading jieba's whole dictionary.

`import jieba` plus `jieba.initialize()` cost about a second and a half per process (the package imports
pkg_resources; the dictionary is 349,046 words with all their prefixes, loaded whole even when a diff
tokenises ten sentences), which was most of a whole `gazette diff` of two laws. The cause is that the
whole dictionary is loaded to look up the substrings of a few sentences. Here the dictionary (jieba's own
dict.txt, with every prefix of its words as jieba's prefix dictionary holds it) and the HMM emission table
are kept in an SQLite index built once and cached; a call looks up only the substrings of its text that
jieba's DAG looks up (and the characters' emission probabilities), then runs jieba's own
algorithm unchanged (Tokenizer.cut with HMM: the dictionary DAG, the maximum-probability route, the
finalseg Viterbi for runs of unknown characters). The tokens are jieba's, token for token:
tests/test_diff_wordcut.py compares them with `jieba.lcut(s, HMM=True)` on thousands of texts.

The index (about 9 MB) is built on first use from the installed jieba's files, found without importing
jieba, into $XDG_CACHE_HOME/gazette-extract (else ~/.cache, else the temporary directory; in memory when
none is writable), named after the dictionary's size and mtime so that another jieba version gets its own.
Nothing is read or written at import.
"""
from __future__ import annotations

import importlib.util
import os
import pickle
import re
import sqlite3
import tempfile
from functools import lru_cache
from math import log

INDEX_VERSION = 3
MIN_FLOAT = -3.14e100
PREV_STATUS = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
# jieba 0.42's block and skip patterns (jieba/__init__.py re_han_default, re_skip_default; finalseg re_han, re_skip)
RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
RE_SKIP = re.compile("(\r\n|\\s)", re.U)
RE_HAN_HMM = re.compile("([\u4E00-\u9FD5]+)")
RE_SKIP_HMM = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")


def jieba_dir() -> str:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed (pip install jieba)")
    return list(spec.submodule_search_locations)[0]


def _cache_dirs() -> list[str]:
    out = []
    if os.environ.get("XDG_CACHE_HOME"):
        out.append(os.path.join(os.environ["XDG_CACHE_HOME"], "gazette-extract"))
    out.append(os.path.join(os.path.expanduser("~"), ".cache", "gazette-extract"))
    out.append(os.path.join(tempfile.gettempdir(), "gazette-extract"))
    return out


def _build(conn: sqlite3.Connection, root: str) -> None:
    """jieba's gen_pfdict and finalseg tables as SQL: words (freq as jieba keeps it: the last line of a word
    wins), the total of all lines' frequencies, and the emission log-probabilities by character."""
    freq: dict[str, int] = {}
    total = 0
    with open(os.path.join(root, "dict.txt"), "rb") as fh:
        for line in fh:
            word, f = line.strip().decode("utf-8").split(" ")[:2]
            freq[word] = int(f)
            total += int(f)
            for k in range(1, len(word)):  # jieba's prefix dictionary: every prefix, frequency 0 unless a word
                freq.setdefault(word[:k], 0)
    with open(os.path.join(root, "finalseg", "prob_emit.p"), "rb") as fh:
        emit = pickle.load(fh)
    with open(os.path.join(root, "finalseg", "prob_start.p"), "rb") as fh:
        start = pickle.load(fh)
    with open(os.path.join(root, "finalseg", "prob_trans.p"), "rb") as fh:
        trans = pickle.load(fh)
    conn.executescript("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID;"
                       "CREATE TABLE emit (ch TEXT PRIMARY KEY, b REAL, m REAL, e REAL, s REAL) WITHOUT ROWID;"
                       "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")
    conn.executemany("INSERT INTO words VALUES (?, ?)", freq.items())
    chars = set().union(*(emit[s] for s in "BMES"))
    conn.executemany("INSERT INTO emit VALUES (?, ?, ?, ?, ?)",
                     [(c, *(emit[s].get(c) for s in "BMES")) for c in chars])
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("total", str(total)), ("start", repr(start)),
                                                        ("trans", repr(trans)), ("version", str(INDEX_VERSION))])
    conn.commit()


@lru_cache(maxsize=1)
def _index() -> sqlite3.Connection:
    root = jieba_dir()
    st = os.stat(os.path.join(root, "dict.txt"))
    name = f"jieba-{INDEX_VERSION}-{st.st_size}-{int(st.st_mtime)}.sqlite"
    for folder in _cache_dirs():
        path = os.path.join(folder, name)
        if os.path.exists(path):
            try:
                return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            except sqlite3.Error:
                pass
        try:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            os.close(fd)
            conn = sqlite3.connect(tmp)
            _build(conn, root)
            conn.close()
            os.replace(tmp, path)  # atomic: a reader never sees half an index
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except OSError:
            continue
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    _build(conn, root)
    return conn


@lru_cache(maxsize=1)
def _model() -> tuple[int, dict, dict]:
    import ast

    meta = dict(_index().execute("SELECT key, value FROM meta"))
    return int(meta["total"]), ast.literal_eval(meta["start"]), ast.literal_eval(meta["trans"])


_WORDS: dict[str, int | None] = {}  # looked up so far: jieba's prefix-dictionary frequency (0: a prefix), or None
_SEEN: set[str] = set()  # characters whose emission probabilities are in _EMIT
_EMIT: dict[str, dict[str, float]] = {s: {} for s in "BMES"}
CHUNK = 900  # parameters per SQL statement
_UNKNOWN = object()


def _lookup_words(keys: set) -> None:
    todo = [k for k in keys if k not in _WORDS]
    conn = _index()
    for k in range(0, len(todo), CHUNK):
        part = todo[k:k + CHUNK]
        found = dict(conn.execute(f"SELECT word, freq FROM words WHERE word IN ({', '.join('?' * len(part))})", part))
        for key in part:
            _WORDS[key] = found.get(key)


def _lookup_emit(chars: set) -> None:
    todo = [c for c in chars if c not in _SEEN]
    conn = _index()
    for k in range(0, len(todo), CHUNK):
        part = todo[k:k + CHUNK]
        for ch, *p in conn.execute(f"SELECT ch, b, m, e, s FROM emit WHERE ch IN ({', '.join('?' * len(part))})", part):
            for state, value in zip("BMES", p):
                if value is not None:
                    _EMIT[state][ch] = value
    _SEEN.update(todo)


def _dag(sentence: str) -> dict[int, list[int]]:
    """jieba's get_DAG over the prefix dictionary, looking entries up as it meets them: a pass stops at a
    substring not yet looked up, the pass's unknowns are fetched in one query, and the walk starts again
    (at most one pass per character of the longest word; one pass once the entries are known)."""
    n = len(sentence)
    while True:
        unknown, dag = set(), {}
        for k in range(n):
            ends, i, frag = [], k, sentence[k]
            while i < n:
                f = _WORDS.get(frag, _UNKNOWN)
                if f is _UNKNOWN:
                    unknown.add(frag)
                    break
                if f is None:
                    break
                if f:
                    ends.append(i)
                i += 1
                frag = sentence[k:i + 1]
            dag[k] = ends or [k]
        if not unknown:
            return dag
        _lookup_words(unknown)


def lcut(sentence: str) -> list[str]:
    """jieba.lcut(sentence, HMM=True), token for token."""
    if not sentence:
        return []
    total, start, trans = _model()
    _lookup_emit(set(sentence))
    out: list[str] = []
    for blk in RE_HAN.split(sentence):
        if not blk:
            continue
        if RE_HAN.match(blk):
            out.extend(_cut_dag(blk, total, start, trans))
        else:
            for x in RE_SKIP.split(blk):
                if RE_SKIP.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


def _cut_dag(sentence: str, total: int, start: dict, trans: dict):
    freq = _WORDS
    n = len(sentence)
    dag = _dag(sentence)
    route = {n: (0, 0)}
    logtotal = log(total)
    for idx in range(n - 1, -1, -1):
        route[idx] = max((log(freq.get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x) for x in dag[idx])
    x, buf = 0, ""
    while x < n:
        y = route[x][1] + 1
        word = sentence[x:y]
        if y - x == 1:
            buf += word
        else:
            if buf:
                yield from _flush(buf, start, trans)
                buf = ""
            yield word
        x = y
    if buf:
        yield from _flush(buf, start, trans)


def _flush(buf: str, start: dict, trans: dict):
    if len(buf) == 1:
        yield buf
    elif not _WORDS.get(buf):
        yield from _hmm_cut(buf, start, trans)
    else:
        yield from buf


def _hmm_cut(sentence: str, start: dict, trans: dict):
    for blk in RE_HAN_HMM.split(sentence):
        if RE_HAN_HMM.match(blk):
            yield from _viterbi_cut(blk, _EMIT, start, trans)
        else:
            for x in RE_SKIP_HMM.split(blk):
                if x:
                    yield x


def _viterbi_cut(sentence: str, emit: dict, start: dict, trans: dict):
    v = [{}]
    path = {}
    for y in "BMES":
        v[0][y] = start[y] + emit[y].get(sentence[0], MIN_FLOAT)
        path[y] = [y]
    for k in range(1, len(sentence)):
        v.append({})
        newpath = {}
        for y in "BMES":
            em = emit[y].get(sentence[k], MIN_FLOAT)
            prob, state = max((v[k - 1][y0] + trans[y0].get(y, MIN_FLOAT) + em, y0) for y0 in PREV_STATUS[y])
            v[k][y] = prob
            newpath[y] = path[state] + [y]
        path = newpath
    _, state = max((v[len(sentence) - 1][y], y) for y in "ES")
    positions = path[state]
    begin, nexti = 0, 0
    for i, ch in enumerate(sentence):
        pos = positions[i]
        if pos == "B":
            begin = i
        elif pos == "E":
            yield sentence[begin:i + 1]
            nexti = i + 1
        elif pos == "S":
            yield ch
            nexti = i + 1
    if nexti < len(sentence):
        yield sentence[nexti:]
