"""Units listed in a table column (责任单位, 负责部门, 指导部门 …), read from the tab-separated rows the
readers write, with the header carried across provisions of one document."""
from extract.pipeline import parse
from extract.recognize.table_units import TableColumns, find_table_units

from conftest import ROOT


def names(found):
    return [(f.data["name"], f.data["role"]) for f in found]


def test_a_column_under_its_header():
    text = "序号\t工作任务\t牵头单位\t配合单位\n1\t建立机制\t市发展改革委\t市财政局、市税务局\n"
    found = find_table_units(text, TableColumns(), place=None)
    assert names(found) == [("市发展改革委", "lead"), ("市财政局", "support"), ("市税务局", "support")]
    assert [text[f.start:f.end] for f in found] == ["市发展改革委", "市财政局", "市税务局"]


def test_the_header_carries_to_the_next_provision_for_rows_of_its_width():
    columns = TableColumns()
    assert find_table_units("序号\t改革举措\t主 要 内 容\t指导部门\t推广范围\n", columns) == []
    text = "二、科技成果转化激励方面\n7\t服务模式\t以技术交易市场为依托\t科技部\t全国\n说明\t不是同一张表\n"
    assert names(find_table_units(text, columns)) == [("科技部", "responsible")]


def test_rows_without_a_unit_header_give_nothing():
    assert find_table_units("指标\t2021年\t2022年\n人口\t100\t120\n", TableColumns()) == []


def test_a_word_exported_table_on_a_web_page():
    """govcn-24: the cells are <p class=MsoNormal> paragraphs (a data table, not a layout table); its 指导部门
    column names the departments of each measure."""
    doc = parse(str(ROOT / "corpus" / "govcn" / "govcn-24.html")).documents[0]
    att = next(p for p in doc.provisions if p.text.startswith("一、知识产权保护方面"))
    first_row = [(u.name, u.role) for u in att.units][:3]
    assert first_row == [("最高人民法院", "responsible"), ("最高人民检察院", "responsible"), ("国家知识产权局", "responsible")]


def test_a_markdown_table():
    text = "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n| 1 | 建立机制 | 市发展改革委 | 市财政局、市税务局 |\n"
    found = find_table_units(text, TableColumns(), place=None)
    assert names(found) == [("市发展改革委", "lead"), ("市财政局", "support"), ("市税务局", "support")]
    assert [text[f.start:f.end] for f in found] == ["市发展改革委", "市财政局", "市税务局"]


def test_a_word_table_end_to_end(tmp_path):
    """The same kind in a .docx (the Word reader writes rows of cells): a 重点工作分解 table."""
    import docx

    d = docx.Document()
    d.add_paragraph("某某市人民政府办公室关于印发重点工作任务分解方案的通知")
    d.add_paragraph("各县（市、区）人民政府，市政府各部门：")
    d.add_paragraph("现将重点工作任务分解如下，请认真贯彻落实。")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("序号", "工作任务", "责任单位"), ("1", "优化营商环境", "市发展改革委、市市场监管局"),
                             ("2", "稳定就业", "市人力资源社会保障局")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "tasks.docx"
    d.save(path)
    units = [(u.name, u.role) for doc in parse(str(path)).documents for p in doc.provisions for u in p.units]
    assert units == [("市发展改革委", "responsible"), ("市市场监管局", "responsible"),
                     ("市人力资源社会保障局", "responsible")]


def test_a_markdown_table_end_to_end(tmp_path):
    path = tmp_path / "tasks.md"
    path.write_text("# 某某市人民政府办公室关于印发重点工作任务分解方案的通知\n\n各县（市、区）人民政府，市政府各部门：\n\n"
                    "现将重点工作任务分解如下，请认真贯彻落实。\n\n| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n"
                    "| 1 | 建立机制 | 市发展改革委 | 市财政局、市税务局 |\n", encoding="utf-8")
    units = [(u.name, u.role) for doc in parse(str(path)).documents for p in doc.provisions for u in p.units]
    assert units == [("市发展改革委", "lead"), ("市财政局", "support"), ("市税务局", "support")]
