"""Pipeline fidelity's figures: what the model path kept of an oracle's answers, scored against the
expected files (the oracle and its loopback server are `summarizer.eval.oracle`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.domain.agencies import agency_key
from summarizer.models import Extraction, Task


@dataclass
class Fidelity:
    """What the model pipeline kept of the oracle's answers, over a set of fixtures."""

    variant: str
    tasks_expected: int = 0
    tasks_found: int = 0
    requests_expected: int = 0
    requests_found: int = 0
    extra: int = 0
    agencies_right: int = 0
    agencies_kept: int = 0  # agencies on matched tasks (precision's denominator)
    agencies_tasks: int = 0  # matched tasks whose agency set is exactly right
    deadlines_right: int = 0
    deadlines_given: int = 0  # matched tasks given a deadline, right or wrong (precision's denominator)
    deadlines_given_right: int = 0
    deadlines_total: int = 0
    dates_right: int = 0
    dates_total: int = 0
    losses: list[str] = field(default_factory=list)
    held_out: set[str] = field(default_factory=set)  # documents of the test split: scored, not listed

    def listed_losses(self) -> tuple[list[str], int]:
        """The losses a maintainer may read (dev documents), and how many are held out."""
        shown = [x for x in self.losses if x.partition(":")[0] not in self.held_out]
        return shown, len(self.losses) - len(shown)

    def figures(self) -> dict[str, float]:
        def r(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "tasks": r(self.tasks_found, self.tasks_expected),
            "requests": r(self.requests_found, self.requests_expected),
            "agencies": r(self.agencies_tasks, self.tasks_found),
            "agency_precision": r(self.agencies_right, self.agencies_kept),
            "deadlines": r(self.deadlines_right, self.deadlines_total),
            "deadline_precision": r(self.deadlines_given_right, self.deadlines_given),
            "meeting_dates": r(self.dates_right, self.dates_total),
            "extra": float(self.extra),
        }

    def line(self) -> str:
        f = self.figures()
        return (
            f"pipeline fidelity ({self.variant} model): tasks {f['tasks']:.3f}, requests {f['requests']:.3f}, "
            f"agencies {f['agencies']:.3f} (precision {f['agency_precision']:.3f}), deadlines {f['deadlines']:.3f} "
            f"(precision {f['deadline_precision']:.3f}), meeting dates {f['meeting_dates']:.3f}, extra {self.extra}"
        )


def _by_agencies(expected: list[Task], got: list[Task], pairs: dict[int, int]) -> dict[int, int]:
    """Several expected tasks on one quote (one per lead) are told apart by their agencies, not by
    the order the matcher met them: among them, each takes the found task that shares most of its
    agencies, then its deadline (one bullet with two dated pieces of work)."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i in pairs:
        groups.setdefault(expected[i].span, []).append(i)
    out = dict(pairs)
    for members in groups.values():
        if len(members) < 2:
            continue
        free = [pairs[i] for i in members]
        for i in members:
            want = {agency_key(a) for a in expected[i].agencies}
            e_dl = expected[i].deadline
            due = e_dl.due if e_dl is not None else None

            def agreement(j: int, want: set[str] = want, due: object = due) -> tuple[int, bool]:
                have = {agency_key(a) for a in got[j].agencies}
                g_dl = got[j].deadline
                return len(want & have), g_dl is not None and g_dl.due == due

            best = max(free, key=agreement)
            out[i] = best
            free.remove(best)
    return out


def score_fidelity(acc: Fidelity, doc: str, expected: Extraction, got: Extraction) -> None:
    from summarizer.eval.score.items import match_items

    pairs = _by_agencies(expected.tasks, got.tasks, dict(match_items(expected.tasks, got.tasks)))
    acc.tasks_expected += len(expected.tasks)
    acc.tasks_found += len(pairs)
    acc.extra += len(got.tasks) - len(pairs)
    for i, e in enumerate(expected.tasks):
        if i not in pairs:
            acc.losses.append(f"{doc}: task lost: {e.evidence[:70]!r}")
            continue
        p = got.tasks[pairs[i]]
        want = {agency_key(a) for a in e.agencies}
        have = [agency_key(a) for a in p.agencies]
        acc.agencies_kept += len(have)
        acc.agencies_right += sum(1 for a in have if a in want)
        if set(have) == want:
            acc.agencies_tasks += 1
        else:
            acc.losses.append(f"{doc}: agencies {p.agencies} for {e.agencies}: {e.evidence[:50]!r}")
        e_dl = (e.deadline.due, e.deadline.kind) if e.deadline else None
        p_dl = (p.deadline.due, p.deadline.kind) if p.deadline else None
        acc.deadlines_total += 1
        if p_dl is not None:
            acc.deadlines_given += 1
            acc.deadlines_given_right += int(e_dl == p_dl)
        if e_dl == p_dl:
            acc.deadlines_right += 1
        else:
            acc.losses.append(f"{doc}: deadline {p_dl} for {e_dl}: {e.evidence[:50]!r}")
    rpairs = dict(match_items(expected.requests, got.requests))
    acc.requests_expected += len(expected.requests)
    acc.requests_found += len(rpairs)
    acc.extra += len(got.requests) - len(rpairs)
    for i, r in enumerate(expected.requests):
        if i not in rpairs:
            acc.losses.append(f"{doc}: request lost: {r.evidence[:70]!r}")
    if expected.document.meeting_date is not None:
        acc.dates_total += 1
        if got.document.meeting_date == expected.document.meeting_date:
            acc.dates_right += 1
        else:
            acc.losses.append(
                f"{doc}: meeting date {got.document.meeting_date} for {expected.document.meeting_date}"
            )
