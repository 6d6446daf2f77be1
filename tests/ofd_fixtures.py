"""Small OFD packages (GB/T 33190) laid out glyph by glyph, for the reader's paragraph rules: a title
over two centred lines, lines that run to the right edge, a paragraph broken by a page end, a numbered
provision after a full line, page numbers, a template page, DeltaX with `g` repeats, a CTM."""
from __future__ import annotations

import io
import zipfile

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
LEFT, RIGHT = 27.0, 183.0  # the text block, mm
BODY = 5.6  # 三号 (16 pt) in mm
PITCH = (RIGHT - LEFT) / 28  # 28 characters to a full line


class Page:
    def __init__(self):
        self.objects: list[str] = []
        self.next_id = 100

    def text(self, x: float, y: float, text: str, size: float = BODY, pitch: float | None = None) -> None:
        """One run of `text` with its first glyph's left edge at x and its baseline at y."""
        pitch = pitch or (PITCH if size == BODY else size)
        self.next_id += 1
        delta = f' DeltaX="g {len(text) - 1} {pitch:.4f}"' if len(text) > 1 else ""
        w = pitch * len(text)
        self.objects.append(
            f'<ofd:TextObject ID="{self.next_id}" Boundary="{x:.4f} {y - 0.85 * size:.4f} {w:.4f} {size:.4f}" '
            f'Font="1" Size="{size:.4f}"><ofd:TextCode X="0" Y="{0.85 * size:.4f}"{delta}>{text}'
            "</ofd:TextCode></ofd:TextObject>")

    def centred(self, y: float, text: str, size: float = BODY) -> None:
        width = size * len(text)
        self.text((LEFT + RIGHT - width) / 2, y, text, size, size)

    def xml(self, template: str | None = None) -> str:
        tpl = f'<ofd:Template TemplateID="{template}" ZOrder="Background"/>' if template else ""
        return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>{tpl}<ofd:Content><ofd:Layer ID="2">'
                + "".join(self.objects) + "</ofd:Layer></ofd:Content></ofd:Page>")


def full(n: int, start: int = 0) -> str:
    """n characters of running text (no punctuation), different on every call."""
    src = "为进一步加强和改进本市公共服务管理工作提高行政效能优化营商环境促进经济社会高质量发展现结合实际"
    return "".join(src[(start + k) % len(src)] for k in range(n))


def pages() -> tuple[list[Page], str]:
    """(pages, the clean text a reader must get), written side by side."""
    p1, p2 = Page(), Page()
    expected = []
    p1.centred(60, "关于加强公共服务管理工作的", size=7.7)
    p1.centred(72, "通知", size=7.7)
    expected.append("关于加强公共服务管理工作的通知")
    p1.text(LEFT, 90, "各区县人民政府：", pitch=BODY)
    expected.append("各区县人民政府：")
    a, b = full(26), full(28, 26)
    p1.text(LEFT + 2 * PITCH, 101, a)  # an indented first line that runs to the right edge
    p1.text(LEFT, 112, b)
    p1.text(LEFT, 123, "现将有关事项通知如下。")
    expected.append(a + b + "现将有关事项通知如下。")
    c = full(27, 7) + "。"
    p1.text(LEFT, 134, "第一条" + c[3:])  # a full line that ends a sentence ...
    p1.text(LEFT, 145, "第二条　" + full(10, 3) + "。")  # ... and a provision that starts flush left
    expected += ["第一条" + c[3:], "第二条　" + full(10, 3) + "。"]
    d, e = full(26, 11), full(28, 37)
    p1.text(LEFT + 2 * PITCH, 156, d)
    p1.text(LEFT, 167, e)  # the page's last line is full: the paragraph goes on over the page
    p1.centred(265, "— 1 —", size=4.9)
    p2.text(LEFT, 40, "具体办法另行制定。")
    expected.append(d + e + "具体办法另行制定。")
    # drawn at half size and scaled twice through a CTM (the Boundary's origin is not scaled)
    p2.objects.append(f'<ofd:TextObject ID="90" Boundary="{LEFT} 45 30 6" Font="1" Size="{BODY / 2}" CTM="2 0 0 2 0 0">'
                      f'<ofd:TextCode X="0" Y="3" DeltaX="g 4 {BODY / 2}">附件：名单</ofd:TextCode></ofd:TextObject>')
    expected.append("附件：名单")
    p2.text(130, 80, "某某市人民政府", pitch=BODY)
    p2.text(128, 91, "2024年1月15日", pitch=BODY / 2 + 0.4)
    expected += ["某某市人民政府", "2024年1月15日"]
    p2.centred(265, "— 2 —", size=4.9)
    return [p1, p2], "\n\n".join(expected) + "\n"


def build(pages_xml: list[str] | None = None, template: bool = False, extra: dict[str, bytes] | None = None) -> bytes:
    if pages_xml is None:
        pages_xml = [p.xml("9" if template and k == 0 else None) for k, p in enumerate(pages()[0])]
    entries = "".join(f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages_xml)))
    tpl_ref = '<ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:PageArea>'
                f"<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{tpl_ref}</ofd:CommonData>"
                f"<ofd:Pages>{entries}</ofd:Pages></ofd:Document>")
    ofd = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} DocType="OFD" Version="1.1"><ofd:DocBody>'
           "<ofd:DocInfo><ofd:DocID/></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    parts = {"OFD.xml": ofd, "Doc_0/Document.xml": document}
    for k, xml in enumerate(pages_xml):
        parts[f"Doc_0/Pages/Page_{k}/Content.xml"] = xml
    if template:
        tpl = Page()
        tpl.centred(30, "某某市人民政府文件", size=12)
        parts["Doc_0/Tpls/Tpl_0/Content.xml"] = tpl.xml()
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()
