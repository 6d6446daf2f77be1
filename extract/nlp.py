"""The spaCy front end: pipeline components that put the recognised values into `doc.spans["gazette"]`.

The components call the same recognisers as the plain API (`extract.recognize`): matching is done on the
characters of `doc.text`, and each value's character offsets become a span through
`doc.char_span(start, end, alignment_mode="expand")`, whatever the tokenizer (jieba often glues 经市|财政局;
with the default character segmenter spans are exact). Span labels are UNIT, THRESHOLD, DEADLINE and
CITATION; `span._.gazette` holds the value in the contract's form (name/role, value/unit/comparator, …).

    from extract.nlp import make_nlp
    nlp = make_nlp()                       # spacy.blank("zh") + the four gazette components
    doc = nlp("（责任单位：市税务局、财政局）")
    [(s.label_, s.text, s._.gazette["name"]) for s in doc.spans["gazette"]]

Components (registered with `@Language.factory`, and published to spaCy through the `spacy_factories`
entry point group, so `spacy.blank("zh").add_pipe("gazette_units")` works once the package is installed):
gazette_citations, gazette_deadlines, gazette_units, gazette_thresholds. Each takes `doc_date` (ISO date
used for dates without a year and for 自发布之日起施行) and `place` (the document's place, e.g. 三门峡).
Importing this module imports spaCy: nothing else in the package does (`gazette extract` stays light).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .recognize.citations import find_citations
from .recognize.dates import find_deadlines
from .recognize.found import Found
from .recognize.quantities import find_thresholds
from .recognize.units import find_units

SPANS_KEY = "gazette"
BLOCKING = ("CITATION", "DEADLINE")  # a threshold inside a citation or a deadline is not one (as in run.py)
PIPELINE = ("gazette_citations", "gazette_deadlines", "gazette_units", "gazette_thresholds")

if not Span.has_extension("gazette"):
    Span.set_extension("gazette", default=None)


class GazetteComponent:
    """Runs one recogniser over `doc.text` and adds its values to `doc.spans["gazette"]`."""

    def __init__(self, label: str, doc_date: str | None = None, place: str | None = None):
        self.label = label
        self.doc_date = doc_date
        self.place = place

    def find(self, text: str) -> list[Found]:
        if self.label == "UNIT":
            return find_units(text, place=self.place)
        if self.label == "THRESHOLD":
            return find_thresholds(text)
        if self.label == "DEADLINE":
            return find_deadlines(text, doc_date=self.doc_date)
        return find_citations(text)

    def __call__(self, doc: Doc) -> Doc:
        if SPANS_KEY not in doc.spans:
            doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY)
        group = doc.spans[SPANS_KEY]
        blockers = [(s.start_char, s.end_char) for s in group if s.label_ in BLOCKING]
        for f in self.find(doc.text):
            if self.label == "THRESHOLD" and any(a < f.end and f.start < b for a, b in blockers):
                continue
            span = doc.char_span(f.start, f.end, label=f.label, alignment_mode="expand")
            if span is None:
                continue
            span._.gazette = f.to_json()
            group.append(span)
        return doc


@Language.factory("gazette_units", default_config={"doc_date": None, "place": None})
def make_units(nlp: Language, name: str, doc_date: str | None, place: str | None) -> GazetteComponent:
    return GazetteComponent("UNIT", doc_date, place)


@Language.factory("gazette_thresholds", default_config={"doc_date": None, "place": None})
def make_thresholds(nlp: Language, name: str, doc_date: str | None, place: str | None) -> GazetteComponent:
    return GazetteComponent("THRESHOLD", doc_date, place)


@Language.factory("gazette_deadlines", default_config={"doc_date": None, "place": None})
def make_deadlines(nlp: Language, name: str, doc_date: str | None, place: str | None) -> GazetteComponent:
    return GazetteComponent("DEADLINE", doc_date, place)


@Language.factory("gazette_citations", default_config={"doc_date": None, "place": None})
def make_citations(nlp: Language, name: str, doc_date: str | None, place: str | None) -> GazetteComponent:
    return GazetteComponent("CITATION", doc_date, place)


def make_nlp(segmenter: str = "char", *, doc_date: str | None = None, place: str | None = None) -> Language:
    """spacy.blank("zh") with the gazette components; segmenter 'jieba' gives word tokens (spans expand
    to whole tokens), 'char' (the default) one token per character and exact spans."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    for name in PIPELINE:
        nlp.add_pipe(name, config={"doc_date": doc_date, "place": place})
    return nlp
