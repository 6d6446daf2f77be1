"""Line shapes of a document's head and tail (GB/T 9704): attachments, recipients, signatures."""
from __future__ import annotations

import re

from .brackets import BRACKETS_CLOSE, BRACKETS_OPEN  # noqa: F401  (re-exported for readers of shapes)
from .numbering import CN
from .spacing import SEP

ATTACHMENT_LINE = re.compile(rf"^{SEP}*附{SEP}*件{SEP}*(?P<n>[0-9０-９]+|[{CN}]+)?{SEP}*[:：]?{SEP}*$")
ATTACHMENT_REF = re.compile(rf"^{SEP}*附{SEP}*件{SEP}*(?P<n>[0-9０-９]+|[{CN}]+)?{SEP}*[:：]{SEP}*(?P<title>\S.*)$")
RECIPIENTS_LINE = re.compile(r"^[^。；;]{2,300}[:：]\s*$")
ISSUERS = r"(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|常务委员会|人民代表大会|政府|局|厅|部|委|院|署|会|中心|公司|集团)"
SIGNATURE_LINE = re.compile(rf"^{SEP}*[\u4e00-\u9fff（）()、]{{2,40}}{ISSUERS}{SEP}*$")
# a decree is signed by a person: 市长 李四
PERSON_SIGNATURE = re.compile(rf"^{SEP}*(?:省长|市长|县长|区长|州长|旗长|主席|主任|局长|厅长|部长|院长|总理){SEP}*[\u4e00-\u9fff·]{{2,5}}{SEP}*$")
