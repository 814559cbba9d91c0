"""A Kattis scoring problem's grading (testdata.yaml: grader_flags, on_reject, accept_score,
range) as CodeArena groups: each worth its points when every one of its tests passes.

Kattis grades a tree: a test case scores accept_score or reject_score, a group aggregates its
items' scores (sum, min, max, avg) and verdicts (worst_error, first_error, always_accept,
accept_if_any_accepted), and only an accepted submission keeps its score. CodeArena's groups
are flat and all-or-nothing, and their points add up. Two shapes of tree translate exactly:

- all or nothing: no group below the root accepts while some of its items fail, so a
  submission scores the whole tree's maximum or nothing: one group with every test;
- subtasks (the IOI shape, as in problemtools' `oddecho`): the root ignores the samples
  (`ignore_sample`), secret/ accepts if any of its items does (`accept_if_any_accepted` or
  `always_accept`), sums their scores and runs them all (`on_reject: continue`), and each item
  is a test case or a group that scores its maximum or 0 (`min` over its tests, or one test).

Any other shape is reported as not supported, naming the group and the setting, rather than
scored differently from Kattis. Pure: no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from codearena.problems.formats.kattis_data import Case, Finding, Node

SCORE_MODES = ("sum", "avg", "min", "max")
VERDICT_MODES = ("worst_error", "first_error", "no_errors", "always_accept")
FLAGS = (*SCORE_MODES, *VERDICT_MODES, "ignore_sample", "accept_if_any_accepted")


class NotSupported(Exception):
    """A grading CodeArena cannot reproduce: the message names the group and the setting."""


@dataclass(frozen=True)
class GroupPlan:
    name: str
    points: int
    cases: tuple[Case, ...]


def _where(node: Node) -> str:
    return f"data/{node.name}/testdata.yaml" if node.name else "data/testdata.yaml"


def _flags(node: Node) -> list[str]:
    flags = str(node.config["grader_flags"]).split()
    unknown = [f for f in flags if f not in FLAGS]
    if unknown:
        raise NotSupported(f"grader_flags {' '.join(unknown)} ({_where(node)})")
    return flags


def score_mode(node: Node) -> str:
    return next((f for f in reversed(_flags(node)) if f in SCORE_MODES), "sum")


def accepts_partly(node: Node) -> bool:
    """Whether the group may be accepted while some of its items are not."""
    flags = _flags(node)
    verdict = next((f for f in reversed(flags) if f in VERDICT_MODES), "worst_error")
    return verdict == "always_accept" or "accept_if_any_accepted" in flags


def _score_range(node: Node) -> tuple[float, float]:
    words = str(node.config["range"]).split()
    try:
        low, high = (float(w) for w in words)
    except ValueError:
        raise NotSupported(f"range {node.config['range']!r}: two numbers ({_where(node)})") from None
    return low, high


def _case_points(case: Case) -> float:
    if float(case.config["reject_score"]) != 0:
        raise NotSupported(f"reject_score {case.config['reject_score']} (test {case.name})")
    points = float(case.config["accept_score"])
    if points < 0 or not math.isfinite(points):
        raise NotSupported(f"accept_score {points} (test {case.name})")
    return points


def most(node: Node) -> float:
    """The group's score when every test passes."""
    scores = [most(i) if isinstance(i, Node) else _case_points(i) for i in node.items]
    if not scores:
        return 0.0
    mode = score_mode(node)
    best = min(scores) if mode == "min" else max(scores) if mode == "max" else sum(scores)
    best = best / len(scores) if mode == "avg" else best
    low, high = _score_range(node)
    if low > 0 or best > high:
        raise NotSupported(f"range {node.config['range']} that limits the score of {best:g} ({_where(node)})")
    return best


def all_or_nothing(node: Node) -> bool:
    """Whether the group scores its maximum when every test passes and 0 when any fails."""
    items = node.items
    subtree_partial = accepts_partly(node) or any(isinstance(i, Node) and accepts_partly(i) for i in items)
    if subtree_partial:
        return False
    if len(items) == 1:
        return not isinstance(items[0], Node) or all_or_nothing(items[0])
    return score_mode(node) == "min" and all(not isinstance(i, Node) or all_or_nothing(i) for i in items)


def _points(value: float, what: str) -> int:
    if not value.is_integer():
        raise NotSupported(f"a score of {value:g} for {what}: CodeArena's points are whole numbers")
    return int(value)


def _subtasks(node: Node) -> list[GroupPlan]:
    """The groups of a group that sums its items' scores and is accepted if any item is."""
    if score_mode(node) != "sum":
        raise NotSupported(f"grader_flags {score_mode(node)} in a group scored in parts ({_where(node)})")
    if node.config["on_reject"] != "continue" and len(node.items) > 1:
        raise NotSupported(f"on_reject: break in a group scored in parts ({_where(node)})")
    plans: list[GroupPlan] = []
    for item in node.items:
        base = item.name.rpartition("/")[2]
        if isinstance(item, Case):
            plans.append(GroupPlan(base, _points(_case_points(item), f"test {item.name}"), (item,)))
        elif all_or_nothing(item):
            plans.append(GroupPlan(base, _points(most(item), f"group {item.name}"), tuple(item.cases())))
        elif accepts_partly(item):
            plans += _subtasks(item)
        else:
            raise NotSupported(f"group {item.name}, which can score part of its points (use grader_flags min, "
                               f"or accept_if_any_accepted and on_reject: continue) ({_where(item)})")  # fmt: skip
    return plans


def _unique(plans: list[GroupPlan]) -> list[GroupPlan]:
    seen: set[str] = set()
    named = []
    for plan in plans:
        name, n = plan.name.lower()[:28] or "group", 2
        while name in seen:
            name, n = f"{plan.name.lower()[:28]}-{n}", n + 1
        seen.add(name)
        named.append(GroupPlan(name, plan.points, plan.cases))
    return named


def scoring_groups(root: Node) -> list[GroupPlan]:
    """CodeArena's groups for a scoring problem's tree, samples first; raises NotSupported."""
    sample, secret = root.child("sample"), root.child("secret")
    assert secret is not None  # read_tree makes sure
    for node in _nodes(root):
        if node.config["grading"] != "default":
            raise NotSupported(f"grading: {node.config['grading']} (custom graders) ({_where(node)})")
    for node in _nodes(secret):  # (in the samples, worth nothing here, it changes nothing)
        if "ignore_sample" in _flags(node):
            raise NotSupported(f"ignore_sample below the root (set here or inherited) ({_where(node)})")
    samples = tuple(sample.cases()) if sample else ()
    gated = not any(accepts_partly(n) for n in _nodes(root))
    if "ignore_sample" in _flags(root):
        head = [GroupPlan("sample", 0, samples)] if samples else []
        if gated:  # accepted only when every secret test passes: the whole score or none
            return _unique([*head, GroupPlan("secret", _points(most(secret), "data/secret"), tuple(secret.cases()))])
        if not accepts_partly(secret):
            raise NotSupported(f"a group below data/secret accepted in part, but not data/secret ({_where(secret)})")
        return _unique([*head, *_subtasks(secret)])
    if not gated:
        raise NotSupported(f"scores in parts with the samples counted: add grader_flags ignore_sample ({_where(root)})")
    return [GroupPlan("all", _points(most(root), "data/"), tuple(root.cases()))]


def _nodes(node: Node) -> list[Node]:
    return [node, *(n for i in node.items if isinstance(i, Node) for n in _nodes(i))]


def check_scoring(root: Node) -> tuple[list[GroupPlan], list[Finding]]:
    """The groups, or the finding that says why the grading is not supported."""
    try:
        plans = scoring_groups(root)
    except NotSupported as exc:
        return [], [Finding("testdata.yaml grading: " + str(exc), "")]
    if not any(plan.points for plan in plans):
        return [], [Finding("a scoring problem whose groups are all worth 0 points", "data/")]
    return plans, []
