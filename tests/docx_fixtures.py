"""Small .docx packages written XML by XML, for the parts of WordprocessingML the real files in corpus/
do not have: automatic numbering, numbering through a paragraph style, fields, text boxes, tracked
changes, content controls, merged table cells, headers and footers with page-number fields."""
from __future__ import annotations

import io
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (f'{W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
</Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="{REL}/header" Target="header1.xml"/>
<Relationship Id="rId4" Type="{REL}/footer" Target="footer1.xml"/>
<Relationship Id="rId5" Type="{REL}/image" Target="../NULL"/>
</Relationships>"""


def lvl(ilvl: int, fmt: str, text: str, suff: str | None = None, start: int = 1, legal: bool = False) -> str:
    s = f'<w:suff w:val="{suff}"/>' if suff else ""
    lgl = "<w:isLgl/>" if legal else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{lgl}{s}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


BULLET = "\uf0b7"  # Symbol font's bullet, a private-use code point
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
{lvl(0, "chineseCounting", "第%1条", "space")}
{lvl(1, "chineseCounting", "（%2）", "nothing")}
{lvl(2, "decimal", "%3.", "tab")}
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
{lvl(0, "chineseCounting", "%1、", "nothing")}
{lvl(1, "ideographTraditional", "%2、", "nothing")}
{lvl(2, "decimal", "%1.%3", "space", legal=True)}
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
{lvl(0, "bullet", BULLET, "tab")}
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ArticleChild"><w:name w:val="Article child"/><w:basedOn w:val="Article"/></w:style>
</w:styles>"""

HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W}><w:p><w:r><w:t>000123</w:t></w:r></w:p><w:p><w:r><w:t>特急</w:t></w:r></w:p></w:hdr>"""

FOOTER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W}><w:p><w:r><w:t xml:space="preserve">— </w:t></w:r>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"""


def p(text: str = "", num: tuple[int, int] | None = None, style: str | None = None, runs: str | None = None) -> str:
    ppr = ""
    if num or style:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    body = runs if runs is not None else (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    return f"<w:p>{ppr}{body}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


TEXT_BOX = ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
            "<wps:wsp><wps:txbx><w:txbxContent>" + p("框内文字") + "</w:txbxContent></wps:txbx></wps:wsp>"
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
            "<w:txbxContent>" + p("框内文字") + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


def cell(text: str, extra: str = "") -> str:
    return f"<w:tc><w:tcPr>{extra}</w:tcPr>{p(text)}</w:tc>"


TABLE = ("<w:tbl><w:tr>" + cell("序号") + cell("单位") + cell("金额") + "</w:tr>"
         "<w:tr>" + cell("1") + cell("市财政局", '<w:vMerge w:val="restart"/>') + cell("18.53万元") + "</w:tr>"
         "<w:tr>" + cell("2") + cell("", "<w:vMerge/>") + cell("3万元") + "</w:tr>"
         "<w:tr>" + cell("合计", '<w:gridSpan w:val="2"/>') + cell("21.53万元") + "</w:tr></w:tbl>")

BODY = "".join([
    p("", runs=r("关于印发") + "<w:r><w:br/></w:r>" + r("某某办法的通知")),
    p("各区县人民政府："),
    p("第一章　总则"),
    p("为了规范管理，制定本办法。", num=(1, 0)),
    p("本办法适用于本市。", style="Article"),
    p("有下列情形之一的：", style="ArticleChild"),
    p("未按期申报；", num=(1, 1)),
    p("逾期不改。", num=(1, 1)),
    p("分项：", num=(1, 2)),
    p("本办法自印发之日起施行。", num=(1, 0)),
    p("工作要求", num=(2, 0)),
    p("加强领导", num=(2, 1)),
    p("明确分工", num=(2, 1)),
    p("细则", num=(2, 2)),
    p("保障措施", num=(2, 0)),
    p("重新开始的清单", num=(3, 0)),
    p("要点", num=(4, 0)),
    p("", runs=r("见") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r>'
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("附件一") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
      + "<w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del><w:ins>" + r("，补入的字") + "</w:ins>"
      + "<w:r><w:tab/></w:r>" + '<w:hyperlink r:id="rId9">' + r("链接") + "</w:hyperlink>"),
    p("", runs=r("锚定段落") + TEXT_BOX),
    '<w:sdt><w:sdtPr/><w:sdtContent>' + p("控件内的段落") + "</w:sdtContent></w:sdt>",
    TABLE,
    p("    缩进的署名    "),
    p(""),
    '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/></w:sectPr>',
])

EXPECTED_CLEAN = "\n\n".join([
    "000123", "特急",
    "关于印发\n某某办法的通知",
    "各区县人民政府：",
    "第一章　总则",
    "第一条 为了规范管理，制定本办法。",
    "第二条 本办法适用于本市。",
    "第三条 有下列情形之一的：",
    "（一）未按期申报；",
    "（二）逾期不改。",
    "1. 分项：",
    "第四条 本办法自印发之日起施行。",
    "一、工作要求",
    "甲、加强领导",
    "乙、明确分工",
    "1.1 细则",
    "二、保障措施",
    "一、重新开始的清单",
    "• 要点",
    "见附件一，补入的字 链接",
    "锚定段落",
    "框内文字",
    "控件内的段落",
    "序号\t单位\t金额\n1\t市财政局\t18.53万元\n2\t\t3万元\n合计\t21.53万元",
    "缩进的署名",
]) + "\n"


def build(body: str = BODY, numbering: str | None = NUMBERING, drop: tuple[str, ...] = ()) -> bytes:
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>{body}</w:body></w:document>'
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "word/header1.xml": HEADER,
        "word/footer1.xml": FOOTER,
    }
    if numbering is not None:
        parts["word/numbering.xml"] = numbering
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            if name not in drop:
                zf.writestr(name, text)
    return buf.getvalue()
