"""What every HTML page we write shares: the CJK font stack and the page frame.

Without a CJK font a browser draws every Chinese character as a box, so each page names the fonts that
carry simplified Chinese on each system: Noto and Source Han (Linux: Debian's `fonts-noto-cjk`),
WenQuanYi (older Linux), PingFang SC (macOS), Microsoft YaHei and SimSun (Windows).
Pages are self-contained: inline style, no external resources, every piece of source text escaped.
"""
from __future__ import annotations

from html import escape

SANS = ('"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", '
        '"WenQuanYi Zen Hei", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "SimSun", sans-serif')
SERIF = ('"Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun", "Songti SC", serif')
MONO = '"Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace'
FONTS = f"""
body {{ font-family: {SANS}; }}
.serif {{ font-family: {SERIF}; }}
code, .mono {{ font-family: {MONO}; }}
"""


def page(title: str, body: str, css: str = "", script: str = "") -> str:
    """One self-contained HTML page: `title` is escaped here, `body` must already be safe HTML."""
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(title)}</title>", f"<style>{FONTS}{css}</style>", "</head>", "<body>", body]
    if script:
        parts.append(f"<script>{script}</script>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"
