"""A run as JUnit XML for CI: a suite of the gates and a suite of the documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.etree import ElementTree as ET

from summarizer.eval.figures import BY_NAME, FIGURES, fmt
from summarizer.eval.runs.gates import GateResult

# Per document, a test case for each rate figure it has a value for, and for ungrounded items.
_DOC_CASES = (*tuple(f.name for f in FIGURES if not f.count), "ungrounded")


def junit_xml(record: dict[str, Any], results: Sequence[GateResult]) -> str:
    """A suite of the gates (one case per gate, matched by name) and a suite of the documents (one
    case per document × figure, failing with that figure's diff for that document only)."""
    root = ET.Element("testsuites", name="summarizer-eval")
    gates = ET.SubElement(root, "testsuite", name="gates")
    for r in results:
        case = ET.SubElement(gates, "testcase", classname="gates", name=r.name)
        if r.ok is None:
            ET.SubElement(case, "skipped", message=r.message)
        elif not r.ok:
            ET.SubElement(case, "failure", message=r.message[:500]).text = "\n".join(r.items) or r.message
    docs = ET.SubElement(root, "testsuite", name="documents")
    for d in record["documents"]:
        classname = f"documents.{d['doc']}"
        if d.get("error"):
            case = ET.SubElement(docs, "testcase", classname=classname, name=f"{d['doc']}: extraction")
            ET.SubElement(case, "error", message=str(d["error"])[:500]).text = str(d["error"])
            continue
        for name in _DOC_CASES:
            value = d["figures"].get(name)
            if value is None:
                continue
            case = ET.SubElement(docs, "testcase", classname=classname, name=f"{d['doc']}: {name}")
            diff = BY_NAME[name].culprits(d)
            perfect = value == 0 if BY_NAME[name].direction == "lower" else value >= 1.0 - 1e-9
            if diff or not perfect:
                head = f"{name} = {fmt(name, value)}" + (f": {diff[0]}" if diff else "")
                if len(diff) > 1:
                    head += f" (+{len(diff) - 1} more)"
                ET.SubElement(case, "failure", message=head[:500]).text = "\n".join(diff) or head
    total_tests = total_fail = total_err = 0
    for suite in (gates, docs):
        cases = list(suite.iter("testcase"))
        fails = sum(1 for c in cases if c.find("failure") is not None)
        errs = sum(1 for c in cases if c.find("error") is not None)
        skips = sum(1 for c in cases if c.find("skipped") is not None)
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(fails))
        suite.set("errors", str(errs))
        suite.set("skipped", str(skips))
        total_tests, total_fail, total_err = total_tests + len(cases), total_fail + fails, total_err + errs
    docs.set("time", str(sum(d.get("seconds", 0) for d in record["documents"])))
    root.set("tests", str(total_tests))
    root.set("failures", str(total_fail))
    root.set("errors", str(total_err))
    root.set("time", str(record.get("seconds", 0)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
