"""The word index of the clause database: folding, bigrams, query expressions, and substring semantics
checked against every provision of the seed issue."""
import sqlite3

import pytest

from extract.db.words import fold, index_words, locate, parse_query, runs
from extract.errors import GazetteError


@pytest.mark.parametrize("text, folded", [
    ("（责任单位：市税务局、财政局）", "责任单位市税务局财政局"),
    ("至 2023 年 4 月 30 日", "至2023年4月30日"),
    ("２０２２年 ＡＢ Ip", "2022年abip"),        # full-width digits and letters, case
    ("三政〔2023〕2号", "三政20232号"),           # brackets are punctuation
    ("①　\n\t", "1"),                             # NFKC circled digit; ideographic space
    ("，。、", ""),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_index_words_are_bigrams_then_the_last_character_of_each_run():
    assert index_words("市财政局") == "市财 财政 政局 局"
    assert index_words("法。") == "法"
    assert index_words("  ") == ""
    assert runs("卫生、健康 委员会") == ["卫生", "健康委员会"]
    assert index_words("卫生、健康") == "卫生 生 健康 康"


@pytest.mark.parametrize("query, expression, highlight", [
    ("财政局", '("财政 政局")', ["财政局"]),
    ("法", '("法"*)', ["法"]),
    ("财政局 补贴", '("财政 政局" AND "补贴")', ["财政局", "补贴"]),
    ("财政局 -税务局", '(("财政 政局") NOT "税务 务局")', ["财政局"]),
    ("救助 OR 补贴", '("救助") OR ("补贴")', ["救助", "补贴"]),
    ("2023 年", '("20 02 23" AND "年"*)', ["2023", "年"]),
    ("2023年", '("20 02 23 3年")', ["2023年"]),
    ("三政〔2023〕2号", '("三政 政 20 02 23 3 2号")', ["三政20232号"]),
    ("（2023）2", '("20 02 23 3 2"*)', ["20232"]),
    # issue 14: a repeated word once (FTS5 took time quadratic in repeats), excluded words in one flat NOT
    ("补贴 补贴 补贴", '("补贴")', ["补贴"]),
    ("财政局 -税务局 -补贴", '(("财政 政局") NOT ("税务 务局" OR "补贴"))', ["财政局"]),
])
def test_parse_query(query, expression, highlight):
    assert parse_query(query) == (expression, highlight)


@pytest.mark.parametrize("query, reason", [
    ("，。", "has no letters or digits"),
    ("-税务局", "only excluded words"),
    ("财政局 OR", "an OR with nothing on one side"),
])
def test_bad_queries_are_e046(query, reason):
    with pytest.raises(GazetteError) as e:
        parse_query(query)
    assert e.value.code == "E046" and reason in str(e.value)


def test_locate_maps_a_folded_match_back_to_the_text():
    text = "延长期限至 2023 年 4 月 30 日。"
    start, end = locate(text, ["2023年4月"])
    assert text[start:end] == "2023 年 4 月"
    assert locate("市财政局", ["财政局"]) == (1, 4)
    assert locate("市财政局", ["税务"]) is None


def occurs(word: str, text: str) -> bool:
    """The reference the index must agree with: the word's runs occur as the text's runs do, the first
    ending a run, the middle ones whole runs, the last beginning one (a one-run word: anywhere in a run).
    With runs joined by a character that is in neither, that is plain substring search."""
    return "\0".join(runs(word)) in "\0".join(runs(text))


def test_every_word_is_found_exactly_where_it_occurs(seed):
    """On real text: for words cut from the seed's own provisions (every window of 1 to 4 folded
    characters and of 2 to 9 printed characters, punctuation included, from a sample of provisions, and
    the unit names), the index finds exactly the provisions where the word occurs."""
    texts = [p.text for p in seed.provisions()]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE w USING fts5(words, content='', tokenize='ascii')")
    conn.executemany("INSERT INTO w (rowid, words) VALUES (?, ?)", [(i, index_words(t)) for i, t in enumerate(texts)])
    joined = ["\0".join(runs(t)) for t in texts]
    words = {u.name for p in seed.provisions() for u in p.units}
    for text in texts[::25]:
        f = fold(text)
        words.update(f[i:i + n] for n in (1, 2, 3, 4) for i in range(0, min(len(f), 60)))
        words.update(text[i:i + n] for n in (2, 5, 9) for i in range(0, min(len(text), 80)))
    words = {w.strip() for w in words if runs(w) and len(w.split()) == 1 and not w.strip().startswith("-")}
    assert len(words) > 1000
    checked_across = 0
    for word in sorted(words):
        expression, _ = parse_query(word)
        got = {r for (r,) in conn.execute("SELECT rowid FROM w WHERE w MATCH ?", (expression,))}
        want = {i for i, t in enumerate(joined) if "\0".join(runs(word)) in t}
        assert got == want, word
        checked_across += len(runs(word)) > 1
    assert checked_across > 100  # words with punctuation inside were tried too
    # and a word never matches across punctuation
    assert not occurs("卫生健康", "市卫生、健康委") and occurs("卫生健康", "市卫生健康委")


def test_many_words_are_one_flat_query(tmp_path):
    """Issue 14: search time grew with the square of the number of words; 100 excluded words overflowed
    FTS5's parser (an internal error)."""
    from click.testing import CliRunner

    from conftest import SEED
    from extract.cli import main

    db = tmp_path / "c.db"
    assert CliRunner().invoke(main, ["db", "build", str(db), str(SEED)]).exit_code == 0
    words = ["财政"] * 2000 + [f"-词{i}" for i in range(500)]
    r = CliRunner().invoke(main, ["db", "search", str(db), *words], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert r.output.rstrip().endswith("(more: raise --limit, or --limit 0 for all)")
