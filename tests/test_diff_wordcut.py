"""extract/diff/wordcut.py cuts words as jieba does, token for token, without importing jieba.

The reference is jieba itself (`jieba.lcut(s, HMM=True)`) on every provision text of the seed and of two
laws, and on strings chosen for jieba's block rules (spaces, CRLF, full-width forms, digits, Latin).
"""
import subprocess
import sys

import pytest

import extract
from extract.diff.wordcut import lcut

from conftest import CORPUS, ROOT, SEED

EDGES = ["", " ", "a b\r\nc", "ＡＢＣ１２３　测试", "2023年4月30日", "起付标准为 30 元 / 次；（二）",
         "经营者在中国境内的营业收入均超过4亿元", "C++ 与 C# 的 3.5% 和 -1", "三门峡市崤山路47号", "涉嫌 犯罪 的，依法追究",
         "蝶变作出新的更大贡献！", "市场主体活力十项措施》有效期延长至 2025 年 12 月 31 日"]


@pytest.fixture(scope="module")
def texts():
    out = list(EDGES)
    for path in (SEED, CORPUS / "laws" / "行政复议法(2023-09-01).md", CORPUS / "laws" / "北京市控制吸烟条例(2021-09-24).md"):
        out += [p.text for d in extract.parse(str(path)).documents for p in d.provisions]
    return out


def test_the_same_tokens_as_jieba(texts):
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(60)
    assert len(texts) > 500
    wrong = [(t, lcut(t), jieba.lcut(t, HMM=True)) for t in texts if lcut(t) != jieba.lcut(t, HMM=True)]
    assert wrong == []


def test_the_index_is_built_once_into_the_cache_and_jieba_is_not_imported(tmp_path):
    code = ("import sys; from extract.diff.wordcut import lcut; print(lcut('经营者在中国境内的营业收入均超过4亿元')); "
            "print('jieba' in sys.modules)")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PYTHONPATH": str(ROOT)}
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        assert out.stdout.splitlines() == [
            "['经营者', '在', '中国', '境内', '的', '营业', '收入', '均', '超过', '4', '亿元']", "False"]
    assert [p.suffix for p in (tmp_path / "cache" / "gazette-extract").iterdir()] == [".sqlite"]
