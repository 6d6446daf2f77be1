"""Property tests of the numeral grammar against a reference evaluator (issue 14).

The reference is not a second parser: hypothesis builds a numeral as a tree (a section below 10000, a
group times 万 or 亿 with nested groups inside, a lower part after it, a decimal part), the tree gives its
value by plain arithmetic (`value`), and its spelling by the rules of written Chinese (`spell`: 零 where a
place is skipped, 一十 or 十 at the start, financial forms). `parse_number(spell(tree)) == value(tree)`.
Arabic numbers are drawn as digit strings with grouping commas of either width and decimals of any length.
"""
import os
from decimal import Context, Decimal

from hypothesis import given, settings, strategies as st

from extract.lexicon.numerals import parse_int, parse_number, scale

EXAMPLES = settings(max_examples=int(os.environ.get("GAZETTE_EXAMPLES", 200)), deadline=None)
DIGIT = "零一二三四五六七八九"
FINANCIAL = "零壹贰叁肆伍陆柒捌玖"
PLACES = [(1000, "千", "仟"), (100, "百", "佰"), (10, "十", "拾")]


def spell_section(n: int, financial: bool, leading_ten: bool) -> str:
    """1 <= n <= 9999 in standard form: 一千零五, 三百二十, 十五 / 一十五."""
    digits = FINANCIAL if financial else DIGIT
    out, gap = "", False
    for value, unit, fin in PLACES:
        d, n = divmod(n, value)
        if d:
            if gap:
                out += digits[0]
            if not (value == 10 and d == 1 and not out and not leading_ten):
                out += digits[d]
            out += fin if financial else unit
            gap = False
        elif out:
            gap = True
    if n:
        if out and (gap or not out.endswith(("十", "拾"))):
            out += digits[0]
        out += digits[n]
    return out


# A tree: ("sec", n) | ("mul", hi_tree, unit_value, lo_tree_or_None)
def magnitude(tree) -> int:
    """The place value of the tree's leading group (10**4 for 一万二千, 10**8 for 一亿)."""
    if tree[0] == "sec":
        return 1
    return magnitude(tree[1]) * tree[2]


def value(tree) -> int:
    if tree[0] == "sec":
        return tree[1]
    _, hi, unit, lo = tree
    return value(hi) * unit + (value(lo) if lo else 0)


def spell(tree, financial=False, leading_ten=False) -> str:
    if tree[0] == "sec":
        return spell_section(tree[1], financial, leading_ten)
    _, hi, unit, lo = tree
    out = spell(hi, financial, leading_ten) + {10**4: "万", 10**8: "亿"}[unit]
    if lo:
        # a skipped place is written 零 (and must be: 一万五 is 15000); a full next place is not
        block = magnitude(tree)
        out += ("零" if value(lo) < block // 10 else "") + spell(lo, financial, True)
    return out


@st.composite
def trees(draw, depth=3):
    if depth == 0 or draw(st.booleans()):
        return ("sec", draw(st.integers(1, 9999)))
    unit = draw(st.sampled_from([10**4, 10**8]))
    hi = draw(trees(depth=depth - 1))
    # a nested group inside: only one whose magnitude the unit may take (一万二千万, 三千五百万亿)
    if magnitude(hi) > unit or value(hi) >= 10**4 * unit:
        hi = ("sec", draw(st.integers(1, 9999)))
    node = ("mul", hi, unit, None)
    block = magnitude(node)
    lo = draw(st.one_of(st.none(), trees(depth=depth - 1)))
    if lo is not None and value(lo) >= block:
        lo = ("sec", draw(st.integers(1, 9999))) if block > 9999 else None
    return ("mul", hi, unit, lo)


@EXAMPLES
@given(trees(), st.booleans(), st.booleans())
def test_chinese_integers_equal_the_reference(tree, financial, leading_ten):
    text = spell(tree, financial, leading_ten)
    assert parse_int(text) == value(tree), text
    assert parse_number(text) == value(tree), text


@EXAMPLES
@given(trees(depth=2), st.text(DIGIT, min_size=1, max_size=40), st.sampled_from(["", "万", "亿"]))
def test_chinese_decimals_equal_the_reference(tree, frac, unit):
    if frac[-1] == "零":
        frac = frac[:-1] + "五"
    text = spell(tree) + "点" + frac + unit
    ref = Decimal(f"{value(tree)}." + "".join(str(DIGIT.index(c)) for c in frac))
    ref = ref.fma({"": 1, "万": 10**4, "亿": 10**8}[unit], 0, context=Context(prec=200))
    assert parse_number(text) == ref, text


@st.composite
def arabic(draw):
    whole = draw(st.integers(0, 10**30))
    comma = draw(st.sampled_from(["", ",", "，"]))
    digits = f"{whole:,}".replace(",", comma) if comma else str(whole)
    frac = draw(st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=60)))
    return digits + ("." + frac if frac else ""), Decimal(f"{whole}.{frac or 0}")


@EXAMPLES
@given(arabic(), st.sampled_from([1, 10**3, 10**4, 10**8, 10**12]))
def test_arabic_numbers_are_exact(number, factor):
    text, ref = number
    got = parse_number(text)
    assert got == ref
    assert scale(got, factor) == ref.fma(factor, 0, context=Context(prec=200))


@EXAMPLES
@given(st.integers(0, 10**59))
def test_cn_number_reads_back(n):
    """cn_number (labels, check messages) spells any size, and the grammar reads it back."""
    from extract.lexicon.numerals import cn_number

    assert parse_int(cn_number(n)) == n
