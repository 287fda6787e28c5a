"""Fuzzing the whole pipeline: random and news-shaped reports, rule files and claims files.

For every input: no exception escapes but CrossfactError (a bad input is an error
message, never a traceback), the JSON report validates against the report schema,
and the same input gives the same report byte for byte. The number of examples comes
from the Hypothesis profile (tests/conftest.py: `ci` by default, HYPOTHESIS_PROFILE=long
for a longer local run).
"""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path

import jsonschema
import yaml
from hypothesis import given
from hypothesis import strategies as st

from crossfact import claimstore, pipeline, sources
from crossfact.errors import CrossfactError
from crossfact.kinds import KINDS
from crossfact.report import jsonreport
from crossfact.rules import default_rules, parse_rules

SCHEMA = json.loads((resources.files("crossfact") / "defaults" / "report.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
RULES = default_rules()
FIRST = ["Lena", "Ida", "Halvard", "Sofía", "Jean-Luc", "Ngozi", "O'Brien", "Zoë"]
LAST = ["Vosberg", "Vosbreg", "Rolf", "Okonkwo", "de la Fuente", "Müller", "Chepng'etich", "Smith"]
PHRASES = ["won the Harbour Classic in", "finished second in", "clocked", "set a record of", "scored in the",
           "beat the record by", "was born on", "said", "took 43 seconds off it, finishing in", "attendance was"]
VALUES = st.one_of(
    st.builds("{}:{:02d}.{:02d}".format, st.integers(0, 9), st.integers(0, 99), st.integers(0, 99)),
    st.builds("{}min {}.{}sec".format, st.integers(0, 9), st.integers(0, 99), st.integers(0, 99)),
    st.builds("{}:{:02d}:{:02d}".format, st.integers(0, 3), st.integers(0, 70), st.integers(0, 70)),
    st.builds("{} {} {}".format, st.sampled_from(["Saturday", "Monday", "on"]), st.sampled_from(
        ["June", "Jan.", "February", "Sept"]), st.integers(0, 40)),
    st.builds("{}-{:02d}-{:02d}".format, st.integers(1, 3000), st.integers(0, 13), st.integers(0, 32)),
    st.sampled_from(["two days ago", "yesterday", "last week", "the 81st minute", "3-1", "14 goals", "plus 12",
                     "86,000", "1.2 km", "almost a second", "4.9 magnitude", "99%", "2024", "1e999"]),
    st.integers(-10**6, 10**12).map(str),
    # figures grouped any way, with a unit: "1,25,000 litres" (Indian grouping) once stopped a whole check
    st.builds("{} {}".format, st.lists(st.integers(0, 999).map(str), min_size=1, max_size=4).flatmap(
        lambda groups: st.sampled_from([",", ".", " ", "\u00a0", ",0"]).map(lambda sep: sep.join(groups))),
        st.sampled_from(["litres", "km", "people", "%", "mph", "votes", "million", "seconds"])),
)
NAMES = st.builds("{} {}".format, st.sampled_from(FIRST), st.sampled_from(LAST))
QUOTES = st.builds('"{}," {} said.'.format, st.text(min_size=0, max_size=30), NAMES)
SENTENCE = st.one_of(st.builds("{} {} {}.".format, NAMES, st.sampled_from(PHRASES), VALUES), QUOTES,
                     st.text(max_size=60))
JOIN = st.sampled_from([" ", "\n", "\r\n", "\r", "\n\n", "\u2028", ""])
BODY = st.one_of(st.text(max_size=300), st.lists(SENTENCE, max_size=8).flatmap(
    lambda parts: JOIN.map(lambda j: j.join(parts))))
HEAD = st.one_of(st.just(""), st.builds("date {}\n".format, st.sampled_from(["2031-04-02", "2024-02-30", "x"])),
                 st.builds("---\n{}\n---\n".format, st.text(max_size=40)),
                 st.builds("---\ndate: {}\ntitle: {}\n---\n".format, VALUES, st.text(max_size=20)))
ENCODING = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
REPORT = st.tuples(HEAD, BODY, ENCODING).map(lambda t: (t[0] + t[1]).encode(t[2], errors="replace"))


def run(raw: list[bytes], rules=RULES, reviewed: dict | None = None) -> str:
    """Bytes -> sources -> claims -> findings -> JSON report, as `crossfact check` runs it."""
    srcs, errors = [], []
    for i, data in enumerate(raw):
        try:
            srcs.append(sources.parse(sources.decode(data, f"r{i}.txt"), f"r{i}.txt", f"r{i}"))
        except CrossfactError as err:
            errors.append(err)
    result = pipeline.check(srcs, rules, reviewed)
    result.errors = errors
    return jsonreport.render(result)


def assert_sound(raw: list[bytes], **kw) -> None:
    first = run(raw, **kw)
    VALIDATOR.validate(json.loads(first))
    assert run(raw, **kw) == first


@given(st.lists(st.one_of(REPORT, st.binary(max_size=200)), min_size=1, max_size=4))
def test_fuzz_reports(raw: list[bytes]) -> None:
    assert_sound(raw)


OPTION_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False), st.text(max_size=8),
                          st.lists(st.sampled_from(["venue", "year", "distance", "x"]), max_size=3),
                          st.sampled_from(["margin", "pattern", "breakdown", "(?P<a>{N}) goals", "a > 1", "a == b"]))
RULE = st.fixed_dictionaries(
    {"id": st.sampled_from(["r-one", "r-two", "name-spelling"]), "kind": st.sampled_from([*sorted(KINDS), "nope"]),
     "select": st.fixed_dictionaries({"predicate": st.sampled_from(["name", "result.*", "*", "quote", "x"])})},
    optional={"severity": st.sampled_from(["error", "warning", "info", "off", "loud"]),
              "options": st.dictionaries(st.sampled_from(["key", "tolerance", "mode", "regex", "expect",
                                                          "max_difference", "x"]), OPTION_VALUES, max_size=4)})
RULE_FILE = st.one_of(st.lists(RULE, max_size=3).map(lambda rs: yaml.safe_dump(rs, allow_unicode=True)),
                      st.text(max_size=200))
CORPUS = [b"date 2031-04-02\nLena Vosberg won the Harbour Classic in 3:51.20, beating Ida Rolf.\n",
          b"date 2031-04-03\nLena Vosbreg won the Harbour Classic in 3:51.90 on Monday, June 2. Vosbreg said"
          b" \"It was hard.\" The champions ended with 14 goals and conceding three for a goal difference"
          b" of plus 12.\n"]


@given(RULE_FILE)
def test_fuzz_rule_files(text: str) -> None:
    try:
        rules = parse_rules(text, "fuzz.yaml")
    except CrossfactError:
        return
    assert_sound(CORPUS, rules=RULES + rules)


def _claims_text() -> str:
    src = sources.parse(CORPUS[1].decode(), "r1.txt", "r1")
    return claimstore.dump("r1", pipeline.extract_all([src])["r1"])


CLAIMS_TEXT = _claims_text()
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**6), st.floats(), st.text(max_size=10),
                    st.lists(st.integers(0, 5), max_size=3),
                    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@given(st.data())
def test_fuzz_claims_files(data: st.DataObject) -> None:
    doc = yaml.safe_load(CLAIMS_TEXT)
    for _ in range(data.draw(st.integers(1, 4))):
        claim = data.draw(st.sampled_from(doc["claims"]))
        part = data.draw(st.sampled_from(["claim", "value", "evidence", "qualifiers"]))
        target = claim if part == "claim" else claim.setdefault(part, {})
        if isinstance(target, dict):
            target[data.draw(st.sampled_from([*target, "status", "text", "seconds", "year", "line", "x"]))] = \
                data.draw(st.one_of(SCALARS, st.sampled_from(["confirmed", "rejected", "manual"])))
    text = data.draw(st.one_of(st.just(yaml.safe_dump(doc, allow_unicode=True)), st.text(max_size=100)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r1.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            claims = claimstore.read(path)
        except CrossfactError:
            return
    assert_sound(CORPUS, reviewed={"r1": claims})


def test_the_cli_report_on_the_sample_corpus_validates(capsys, monkeypatch) -> None:
    from crossfact.cli import main

    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    assert main(["check", "sources", "--format", "json"]) in (0, 1)
    VALIDATOR.validate(json.loads(capsys.readouterr().out))
