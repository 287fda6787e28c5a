"""Pre-publish check, crossfact against corroborate, on the same drafts.

For every corpus with an answer key, each report in turn is the draft and the other
reports are the sources. crossfact runs `check --draft D --against OTHERS --format json`;
corroborate (PyPI, a deterministic answer-grounding checker) runs
`check_answer("", OTHERS' texts, D's text)`. An alarm is true when it matches an answer-key
entry that flags the draft (crossfact: the key's matching rules; corroborate, whose findings
are spans, not sides: the span is one of the entry's values) or an `acceptable` entry; else it
is false. crossfact's info-level "unsupported" findings are counted apart: they are notes
for the editor, not alarms.

usage: python bench/draft_compare.py CORPUS... (needs `pip install corroborate`)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import corroborate
import yaml

from crossfact.evaluate import matches

ANSWER_FILES = {"EXPECTED.yaml", "ANSWERS.md", "README.md"}


def flags(entry: dict, sid: str) -> bool:
    return any(sid.startswith(str(p)) for p in entry.get("sources", []))


def crossfact_alarms(draft: Path, others: list[Path], key: dict) -> tuple[int, int, int]:
    """(expected entries found, false alarms, info notes) for one draft."""
    with tempfile.TemporaryDirectory() as tmp:
        for o in others:
            (Path(tmp) / o.name).write_text(o.read_text("utf-8"), "utf-8")
        out = subprocess.run([sys.executable, "-m", "crossfact.cli", "check", "--draft", str(draft), "--against",
                              tmp, "--format", "json", "--no-cache"], capture_output=True, text=True).stdout
    found = json.loads(out)["findings"]
    alarms = [f for f in found if f["severity"] != "info"]
    mine = [e for e in key.get("expected", []) if flags(e, draft.stem)]
    hit = {e["id"] for e in mine for f in alarms if matches(e, f)}
    false = [f for f in alarms if not any(matches(e, f) for e in mine + key.get("acceptable", []))]
    for f in false:
        print(f"  false alarm ({draft.name}): [{f['rule']}] {f['message'][:110]}", file=sys.stderr)
    return len(hit), len(false), len(found) - len(alarms)


def corroborate_alarms(draft: Path, others: list[Path], key: dict) -> tuple[int, int]:
    """(expected entries found, false alarms): a span is true when it is one of an entry's values."""
    report = corroborate.check_answer("", [o.read_text("utf-8") for o in others], draft.read_text("utf-8"))
    entries = [e for e in key.get("expected", []) + key.get("acceptable", []) if flags(e, draft.stem)]

    def values(e: dict) -> list[str]:
        return [str(v).lower() for x in e.get("values", []) for v in (x if isinstance(x, list) else [x])]

    hit, false = set(), 0
    for f in report.findings:
        for span in f.spans or (f.message,):
            found = [e.get("id", "acceptable") for e in entries
                     if any(span.lower() in w or w in span.lower() for w in values(e))]
            hit.update(i for i in found if i != "acceptable")
            false += not found
    return len(hit), false


def main(corpora: list[str]) -> None:
    print("| corpus | problems in the drafts | crossfact finds | crossfact false alarms | crossfact notes (info) "
          "| corroborate finds | corroborate false alarms |")
    print("|---|---|---|---|---|---|---|")
    for corpus in map(Path, corpora):
        key = yaml.safe_load((corpus / "EXPECTED.yaml").read_text("utf-8"))
        reports = sorted(p for p in corpus.iterdir() if p.is_file() and p.name not in ANSWER_FILES)
        totals = [0] * 6
        for draft in reports:
            others = [r for r in reports if r != draft]
            totals[0] += sum(1 for e in key.get("expected", []) if flags(e, draft.stem))
            for i, n in enumerate(crossfact_alarms(draft, others, key) + corroborate_alarms(draft, others, key)):
                totals[i + 1] += n
        print(f"| {corpus.name} | " + " | ".join(map(str, totals)) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
