"""Plain front matter is read without a YAML parser; wherever that fast reading answers, it must
agree with the safe YAML loader."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crossfact import safeyaml
from crossfact.errors import CrossfactError
from crossfact.sources import _simple_front_matter, parse

keys = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
values = st.one_of(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
                           min_size=1, max_size=30),
                   st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True), st.sampled_from(["yes", "1e3", "007", "NULL"]))


@given(st.dictionaries(keys, values, min_size=1, max_size=5))
def test_the_fast_reading_agrees_with_yaml(data: dict[str, str]) -> None:
    block = "\n".join(f"{k}: {v}" for k, v in data.items())
    fast = _simple_front_matter(block)
    if fast is None:
        return
    try:
        loaded = safeyaml.load(block, "f.md", "front matter")
    except CrossfactError:
        return  # an impossible date: the fast reading keeps the text and the date check then refuses it
    assert {k: v for k, (v, _) in fast.items()} == {str(k): str(v) for k, v in loaded.items()}


def test_both_readings_give_the_same_source() -> None:
    plain = "---\ndate: 2031-04-02\ntitle: Harbour Classic report\n---\nLena Vosberg won.\n"
    quoted = "---\ndate: '2031-04-02'\ntitle: \"Harbour Classic report\"\n---\nLena Vosberg won.\n"
    a, b = parse(plain, "a.md", "a"), parse(quoted, "b.md", "b")
    assert (a.date, a.meta) == (b.date, b.meta)
    assert a.text.index("Lena") == plain.index("Lena") and b.text.index("Lena") == quoted.index("Lena")
    assert a.position(a.text.index("Lena")) == (5, 1)
