"""`datasette clauses.db`: the plugin registered through the `datasette` entry point, tried with Datasette's
own test client (in process, no server).

Expected rows come from the seed as tests/test_db.py counts them: 财政局 is printed in 16 provisions.
"""
import asyncio
import importlib.metadata
import sqlite3

import pytest

from extract import db

from conftest import SEED

datasette_app = pytest.importorskip("datasette.app")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ds") / "clauses.db"
    db.build(path, [SEED], progress=False)
    return path


def get(path, url):
    async def run():
        ds = datasette_app.Datasette([str(path)])
        await ds.invoke_startup()
        return await ds.client.get(url)

    return asyncio.run(run())


def test_the_plugin_is_registered_through_the_entry_point():
    points = [e for e in importlib.metadata.entry_points(group="datasette") if e.value == "extract.db.datasette_plugin"]
    assert points, "no datasette entry point for extract.db.datasette_plugin: reinstall with pip install -e ."
    from datasette.plugins import pm

    assert any(getattr(p, "__name__", "") == "extract.db.datasette_plugin" for p in pm.get_plugins())


def test_the_search_box_finds_a_word_inside_longer_names(seed_db):
    found = get(seed_db, "/clauses/provisions.json?_search=财政局&_shape=array&_size=max&_labels=on").json()
    expected = db.search(seed_db, "财政局", limit=0)
    assert len(found) == len(expected) == 16
    assert {r["cite"] for r in found} == {r["cite"] for r in expected}
    assert "三政〔2023〕2号 一、（一）" in {r["cite"] for r in found}  # 市税务局、财政局
    # the same syntax as gazette db search: exclusion and alternatives
    minus = get(seed_db, "/clauses/provisions.json?_search=财政局 -税务局&_shape=array&_size=max").json()
    assert len(minus) == len(db.search(seed_db, "财政局 -税务局", limit=0)) == 13
    page = get(seed_db, "/clauses/provisions?_search=财政局")
    assert page.status_code == 200
    assert 'name="_search"' in page.text and "search matches" in page.text and "16 rows" in page.text
    bad = get(seed_db, "/clauses/provisions.json?_search=-财政局")
    assert bad.status_code == 400 and "E046" in bad.json()["error"]


def test_numeric_filters_and_sorting_are_numeric(seed_db):
    rows = get(seed_db, "/clauses/thresholds.json?unit=CNY&value__gte=10000&_sort=value&_shape=array&_size=max").json()
    values = [r["value"] for r in rows]
    assert values == sorted(values) and min(values) == 10000 and max(values) == 27600000000
    assert len(rows) == len(list(db.rows(seed_db, table="thresholds", threshold="CNY>=10000"))) == 14
    # the exact printed value is beside the number
    assert {(r["raw"], r["value"], r["value_exact"]) for r in rows} >= {("92.2亿元", 9220000000, "9220000000"),
                                                                        ("3万元", 30000, "30000")}


def test_facets_and_labels(seed_db):
    documents = get(seed_db, "/clauses/documents.json?_size=0").json()
    facets = documents["facet_results"]
    assert {v["value"]: v["count"] for v in facets["issuer"]["results"]} == {"三门峡市人民政府": 3,
                                                                            "三门峡市人民政府办公室": 4}
    assert {v["value"]: v["count"] for v in facets["year"]["results"]} == {2022: 3, 2023: 4}
    kinds = get(seed_db, "/clauses/thresholds.json?_size=0").json()["facet_results"]["unit"]["results"]
    assert {v["value"]: v["count"] for v in kinds} == db.stats(seed_db)["threshold_units"]  # the value kinds
    assert db.stats(seed_db)["threshold_units"]["CNY"] == 25
    units = get(seed_db, "/clauses/units.json?name=市财政局&_labels=on&_shape=array&_size=1").json()
    assert units[0]["provision"]["label"] == "三政〔2023〕2号 一、（一）"
    copies = get(seed_db, "/clauses/copies.json?_labels=on&_shape=array&_size=1").json()
    assert copies[0]["document"]["label"] == "三门峡市人民政府关于三门峡市进一步释放消费潜力促进消费持续恢复的实施意见"


def test_other_databases_are_left_alone(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE provisions (pk INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO provisions (text) VALUES ('市财政局')")
    conn.commit()
    conn.close()
    rows = get(other, "/other/provisions.json?_search=财政局&_shape=array").json()
    assert rows == [{"pk": 1, "text": "市财政局"}]  # no FTS table: Datasette ignores the search, as without us
