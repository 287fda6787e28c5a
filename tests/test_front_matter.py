"""Plain front matter is read without a YAML parser; wherever that fast reading answers, it must
agree with the safe YAML loader."""

from __future__ import annotations

import pytest
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


def test_a_headline_with_a_colon_is_read_not_refused() -> None:
    """YAML refuses `title: Rates cut: what it means`; a newsroom writes it, so each line is read as
    its key and the rest of the line. Front matter that is broken in any other way is still an error."""
    text = "---\ndate: 2024-06-07\ntitle: Rates cut: what it means\nby: A. Writer\n---\nThe bank cut rates.\n"
    src = parse(text, "a.txt", "a")
    assert dict(src.meta) == {"date": "2024-06-07", "title": "Rates cut: what it means", "by": "A. Writer"}
    assert src.date == "2024-06-07" and src.position(src.text.index("The bank")) == (6, 1)
    for broken in ("---\ntitle: Rates cut: what\n  nested: [\n---\nBody.\n", "---\ntitle: a: \x07\n---\nBody.\n"):
        try:
            parse(broken, "b.txt", "b")
        except CrossfactError as exc:
            assert "b.txt:" in str(exc) and "front matter" in str(exc)
        else:
            raise AssertionError(f"accepted: {broken!r}")


def test_a_headline_opening_with_a_quote_is_read_not_refused() -> None:
    """`title: 'No regrets' - the coach speaks` is no YAML string (text follows the closing quote); a
    newsroom writes it, so the line is read as its key and the rest of the line."""
    src = parse("---\ndate: 2024-05-05\ntitle: 'No regrets' - the coach speaks\n---\nBody.\n", "a.txt", "a")
    assert dict(src.meta) == {"date": "2024-05-05", "title": "'No regrets' - the coach speaks"}


def test_the_colon_fallback_keeps_yaml_comments_columns_and_refusals() -> None:
    src = parse("---\ndate: 2024-06-07\ntitle: Rates cut: why # draft\n\nby: A. Writer\n---\nBody.\n", "a.txt", "a")
    assert dict(src.meta)["title"] == "Rates cut: why" and src.position(src.text.index("Body")) == (7, 1)
    for text, where in (("---\ntitle: Rates: cut\ndate:   2024-02-30x\n---\nBody.\n", "b.txt:3:9:"),
                        ("---\ntitle: Rates cut: why\x0cdate: 2024-05-16\n---\nBody.\n", "b.txt:2:")):
        try:
            parse(text, "b.txt", "b")
        except CrossfactError as exc:
            assert str(exc).startswith(where), exc
        else:
            raise AssertionError(f"accepted: {text!r}")


@pytest.mark.parametrize("written", ["2031-W15-6", "20310412", "2031-04-12"])
def test_a_date_in_any_iso_form_is_stored_as_year_month_day(written: str) -> None:
    from crossfact.sources import parse

    assert parse(f"---\ndate: {written}\n---\nText. Last October she won.\n", "r.md", "r").date == "2031-04-12"
