"""The lexicon: how official documents spell things, as data and small pure functions.

White space and brackets, numerals, numbering levels and their labels, 文号, dates, document types, the
line shapes of a document's head and tail, and the loading of vocabulary files from `extract/data/`.
Every layer (ingest, segment, recognize, the consumers) imports from here; this package imports nothing
else of ours, so the layers never import in a circle (`tests/test_layers.py` walks the imports).
"""
