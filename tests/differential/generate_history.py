#!/usr/bin/python3
"""Random Alembic histories written as real revision files.

Part of Retort's differential test (see ``differential_test.py``). Given a seed, this module
builds a random revision graph and writes it as an Alembic project that Alembic 1.8.1 loads
without complaint (no cycles, no duplicate ids, no missing parents, unique branch labels):

    DIR/alembic.ini                 script_location = %(here)s/<script dir>
    DIR/<script dir>/env.py         empty; never executed
    DIR/<script dir>/versions/*.py  one file per revision
    DIR/<script dir>/versions_b/    only when the ini lists two version_locations

Graph shapes: linear runs, branch points, merges of 2-3 parents, several bases (independent
histories, sometimes merged later), branch labels (string or tuple/list form, one or two per
revision), ``depends_on`` on revisions or labels of other branches (and occasionally of an
ancestor), "effective heads" (a head only depended upon). Ids are hex of varying length,
words (``kilo``), dated (``2023_1_expand01``), zero-padded numbers (``0003``), slugs
(``b12_add_x``), short ids (``a1``) and ids sharing long prefixes with other ids or labels;
never ``@ - + :``.

Files vary the way real ones do: plain and annotated assignments (``revision: str = "x"``,
``down_revision: Union[str, None] = ...``), single/double/``u''`` quotes, tuples, lists,
one-element tuples, multi-line tuples, ``None``, ``()``, missing ``branch_labels`` /
``depends_on`` lines, shuffled assignment order, trailing comments, commented-out old values,
stale ``Revises:`` lines in the docstring, no docstring, a function-local ``revision``
variable, CRLF line endings. File names are random-ish so that file order differs from
topological order; ``__init__.py`` and non-Python files sometimes sit beside them.

Everything is a pure function of the seed (``random.Random``; no set iteration), so a graph can
be replayed exactly.

Command line::

    /usr/bin/python3 generate_history.py --seed 7 --out /tmp/proj [--min 5 --max 40]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import string
import sys
from dataclasses import asdict, dataclass, field
from typing import Optional

# --------------------------------------------------------------------------------------------
# Graph model
# --------------------------------------------------------------------------------------------


@dataclass
class RevSpec:
    """One revision as the generator intends it (before rendering to a file)."""

    rev: str
    down: list[str]  # versioned parents in declared order; [] for a base
    labels: list[str] = field(default_factory=list)  # declared branch labels
    depends: list[str] = field(default_factory=list)  # declared depends_on refs (ids or labels)
    message: str = ""  # expected Script.doc ("" when the file has no docstring)
    filename: str = ""
    location: int = 0  # index into GeneratedProject.version_dirs
    line: int = 0  # 1-based line of the `revision = ...` statement (filled when rendered)


@dataclass
class GenParams:
    """Size and shape knobs. Probabilities are per new revision unless stated."""

    min_revisions: int = 5
    max_revisions: int = 40
    max_bases: int = 4
    p_new_base: float = 0.06
    p_branch: float = 0.22  # parent is a random non-head revision
    p_merge: float = 0.16
    p_three_way: float = 0.25  # of merges
    p_redundant_merge: float = 0.03  # of merges: one parent is an ancestor of another
    p_label: float = 0.14
    p_two_labels: float = 0.15  # of labelled revisions
    p_depends: float = 0.18
    p_two_depends: float = 0.25  # of revisions with depends_on
    p_depends_ancestor: float = 0.12  # a dependency on an ancestor (kept, never normalised away)
    p_depends_by_label: float = 0.35  # reference a dependency by its label when it has one
    p_multi_location: float = 0.10  # per project: two version_locations
    p_crlf: float = 0.03  # per file


@dataclass
class GeneratedProject:
    root: str  # folder holding alembic.ini
    ini_path: str
    script_dir: str
    version_dirs: list[str]
    cli_path: str  # what to hand to `retort-cli` (root, script dir or versions dir)
    revisions: list[RevSpec]

    def to_json(self) -> dict:
        d = asdict(self)
        return d


_RESERVED = {"head", "heads", "base", "current"}

_WORDS = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
    "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
    "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu",
]
_LABEL_WORDS = [
    "expand", "contract", "billing", "auth", "reporting", "feature_x", "data", "schema",
    "search", "legacy", "hotfix", "tenant", "audit", "payments", "users", "inventory",
    "analytics", "shipping", "core", "plugins", "ops", "v2", "mobile", "ledger",
]
_MESSAGES = [
    "create users table", "add email to users", "add index on orders.created_at",
    "drop legacy sessions", "rename column title to name", "merge heads", "empty message",
    "add foreign key from orders to users", "initial schema", "backfill status",
    "Add audit triggers", "split address into lines", "ajoute la colonne café",
    "add constraint uq_user_email", "widen price to numeric(12, 2)", "remove unused tables",
    "add tenant_id everywhere", "create materialized view sales_daily", "fix typo",
    "merge expand and contract", "seed reference data", "add partial index (WHERE active)",
    "fix user's default locale", 'rename "Order" table',
]


def _hex(rng: random.Random, length: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(length))


class _Namer:
    """Hands out unique revision ids and branch labels (one namespace: Alembic keys both)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.ids: list[str] = []
        self.counter = rng.randint(0, 30)
        # Per-graph style mix: most graphs are hex-heavy like real projects.
        styles = ["hex12", "hexvar", "word", "dated", "num", "slug", "short", "shared"]
        mixes = [
            {"hex12": 1.0},
            {"hex12": 0.7, "shared": 0.3},
            {"hex12": 0.4, "hexvar": 0.2, "shared": 0.2, "word": 0.1, "short": 0.1},
            {"num": 0.8, "shared": 0.2},
            {"dated": 0.5, "slug": 0.3, "word": 0.2},
            {s: 1.0 for s in styles},
        ]
        self.mix = rng.choice(mixes)

    def _take(self, name: str) -> bool:
        if not name or name in self.used or name in _RESERVED:
            return False
        # Names that begin with a keyword are legal but make targets like "head-1" confusing;
        # keep them out so every target means what the query generator thinks it means.
        if any(name.startswith(k) for k in ("head", "base")):
            return False
        self.used.add(name)
        return True

    def new_id(self) -> str:
        rng = self.rng
        styles = sorted(self.mix)
        weights = [self.mix[s] for s in styles]
        for _ in range(200):
            style = rng.choices(styles, weights)[0]
            if style == "hex12":
                cand = _hex(rng, 12)
            elif style == "hexvar":
                cand = _hex(rng, rng.randint(4, 32))
            elif style == "word":
                cand = rng.choice(_WORDS) + (str(rng.randint(0, 99)) if rng.random() < 0.5 else "")
            elif style == "dated":
                cand = "%d_%d_%s%02d" % (rng.randint(2019, 2026), rng.randint(1, 12),
                                         rng.choice(_LABEL_WORDS), rng.randint(0, 99))
            elif style == "num":  # digits (and underscores) only
                self.counter += rng.randint(1, 3)
                cand = "%04d" % self.counter
                if rng.random() < 0.15:
                    cand = "%d%02d%02d_%02d" % (rng.randint(2019, 2026), rng.randint(1, 12),
                                                rng.randint(1, 28), rng.randint(0, 99))
            elif style == "slug":
                cand = "%s%d_%s" % (rng.choice(string.ascii_lowercase), rng.randint(1, 99),
                                    rng.choice(["add_x", "drop_y", "fix", "idx", "users", "orders"]))
            elif style == "short":
                cand = "".join(rng.choice(string.ascii_lowercase + string.digits)
                               for _ in range(rng.randint(1, 3)))
            else:  # shared: long common prefix with an existing id (ambiguous partial ids)
                if not self.ids:
                    continue
                base = rng.choice(self.ids)
                if rng.random() < 0.3:
                    cand = base + _hex(rng, rng.randint(1, 4))  # an existing id is a prefix
                else:
                    keep = rng.randint(min(4, len(base)), max(min(4, len(base)), len(base) - 1))
                    cand = base[:keep] + _hex(rng, rng.randint(2, 8))
            if self._take(cand):
                self.ids.append(cand)
                return cand
        raise RuntimeError("could not find a fresh revision id")

    def new_label(self) -> str:
        rng = self.rng
        for _ in range(200):
            r = rng.random()
            if r < 0.6:
                cand = rng.choice(_LABEL_WORDS)
            elif r < 0.8:
                cand = rng.choice(_LABEL_WORDS) + str(rng.randint(1, 9))
            elif self.ids:
                # shares a prefix with an id: "ab12" matches both the id and this label
                base = rng.choice(self.ids)
                cand = base[: rng.randint(4, 6)] + "_" + rng.choice(_LABEL_WORDS)
            else:
                continue
            if self._take(cand):
                return cand
        raise RuntimeError("could not find a fresh label")


def _versioned_ancestors(specs: dict[str, RevSpec], rev: str) -> set[str]:
    """rev and everything below it along down_revision edges."""
    seen: set[str] = set()
    todo = [rev]
    while todo:
        r = todo.pop()
        if r in seen:
            continue
        seen.add(r)
        todo.extend(specs[r].down)
    return seen


def vary_params(rng: random.Random, params: GenParams) -> GenParams:
    """Per-graph temperament: some graphs are label-heavy, some dependency-heavy, some nearly
    linear, some bushy."""
    p = GenParams(**asdict(params))
    for name in ("p_branch", "p_merge", "p_label", "p_depends"):
        setattr(p, name, min(0.6, getattr(p, name) * rng.choice([0.3, 0.7, 1.0, 1.0, 1.5, 2.5])))
    return p


def build_graph(rng: random.Random, params: GenParams) -> list[RevSpec]:
    """Build a random revision graph in creation order (every edge points to an older rev)."""
    params = vary_params(rng, params)
    namer = _Namer(rng)
    n = rng.randint(params.min_revisions, params.max_revisions)
    max_bases = rng.randint(1, params.max_bases)
    specs: dict[str, RevSpec] = {}
    order: list[str] = []
    label_owner: dict[str, str] = {}  # label -> revision declaring it
    children: dict[str, list[str]] = {}
    n_bases = 0

    def heads() -> list[str]:
        return [r for r in order if not children[r]]

    for i in range(n):
        rev = namer.new_id()
        down: list[str] = []
        roll = rng.random()
        if i == 0 or (n_bases < max_bases and roll < params.p_new_base):
            n_bases += 1
        elif roll < params.p_new_base + params.p_merge and len(order) >= 2:
            down = _pick_merge_parents(rng, specs, order, heads(), params)
            if not down:
                down = [rng.choice(heads())]
        elif roll < params.p_new_base + params.p_merge + params.p_branch:
            down = [rng.choice(order)]
        else:
            down = [rng.choice(heads())]

        spec = RevSpec(rev=rev, down=down, message=rng.choice(_MESSAGES))
        if len(down) > 1 and rng.random() < 0.6:
            spec.message = "merge " + ", ".join(down)

        # depends_on: only on revisions created earlier, so no cycle is possible.
        if order and rng.random() < params.p_depends:
            ancestors = set()
            for d in down:
                ancestors |= _versioned_ancestors(specs, d)
            count = 2 if rng.random() < params.p_two_depends else 1
            others = [r for r in order if r not in ancestors]
            below = [r for r in order if r in ancestors]
            for _ in range(count):
                # Mostly a revision on another branch; sometimes an ancestor (legal, and kept
                # in _resolved_dependencies: it changes real heads and branch points).
                on_ancestor = rng.random() < params.p_depends_ancestor
                pool = below if on_ancestor else others
                if not pool:
                    break
                target = rng.choice(pool)
                ref = target
                if specs[target].labels and rng.random() < params.p_depends_by_label:
                    ref = rng.choice(specs[target].labels)
                if ref not in spec.depends:
                    spec.depends.append(ref)

        if rng.random() < params.p_label:
            spec.labels.append(namer.new_label())
            if rng.random() < params.p_two_labels:
                spec.labels.append(namer.new_label())
            for lab in spec.labels:
                label_owner[lab] = rev

        specs[rev] = spec
        order.append(rev)
        children[rev] = []
        for d in down:
            children[d].append(rev)

    return [specs[r] for r in order]


def _pick_merge_parents(rng: random.Random, specs: dict[str, RevSpec], order: list[str],
                        heads: list[str], params: GenParams) -> list[str]:
    """2-3 parents, normally pairwise unrelated; occasionally one is an ancestor of another."""
    want = 3 if rng.random() < params.p_three_way else 2
    if rng.random() < params.p_redundant_merge:
        child = rng.choice(order)
        anc = sorted(_versioned_ancestors(specs, child) - {child}, key=order.index)
        if anc:
            return [child, rng.choice(anc)] if rng.random() < 0.5 else [rng.choice(anc), child]
    # Prefer current heads (what `alembic merge heads` does), else any unrelated revisions.
    pool = list(heads) if len(heads) >= 2 and rng.random() < 0.8 else list(order)
    rng.shuffle(pool)
    chosen: list[str] = []
    anc_of: dict[str, set[str]] = {}
    for cand in pool:
        anc_of[cand] = _versioned_ancestors(specs, cand)
        if all(cand not in anc_of[c] and c not in anc_of[cand] for c in chosen):
            chosen.append(cand)
            if len(chosen) == want:
                break
    return chosen if len(chosen) >= 2 else []


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


class _Style:
    """Per-file syntax choices."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.quote = rng.choice(["'", '"', '"'])
        self.u_prefix = rng.random() < 0.05
        self.annotated = rng.random() < 0.35
        self.omit_none = rng.random() < 0.25  # leave out `branch_labels = None` lines
        self.shuffle = rng.random() < 0.08
        self.ident_comment = rng.random() < 0.85
        self.space_eq = rng.random() < 0.95

    def s(self, value: str) -> str:
        return ("u" if self.u_prefix else "") + self.quote + value + self.quote


def _format_seq(style: _Style, values: list[str], multi_ok: bool, single_as_str: bool,
                name_len: int) -> str:
    """Format a list of ids/labels as Python: 'x', ('x',), ['x'], ('a', 'b'), multi-line."""
    rng = style.rng
    items = [style.s(v) for v in values]
    if len(values) == 1 and single_as_str:
        return items[0]
    brackets = ("[", "]") if rng.random() < 0.15 else ("(", ")")
    if len(values) == 1 and brackets == ("(", ")"):
        return "(" + items[0] + ",)"
    if multi_ok and len(values) >= 2 and rng.random() < 0.35:
        if rng.random() < 0.6:
            inner = "".join("    %s,\n" % it for it in items)
            return brackets[0] + "\n" + inner + brackets[1]
        pad = " " * (name_len + 3 + 1)
        return brackets[0] + (",\n" + pad).join(items) + brackets[1]
    trailing = "," if rng.random() < 0.1 else ""
    return brackets[0] + ", ".join(items) + trailing + brackets[1]


def _assignment(style: _Style, name: str, value: str, annotation: str) -> list[str]:
    eq = " = " if style.space_eq else "="
    lhs = name + (": " + annotation if style.annotated else "")
    text = lhs + eq + value
    if style.rng.random() < 0.04:
        text += "  # " + style.rng.choice(["noqa", "merge", "keep in sync", "see ticket 42"])
    return text.split("\n")


def render_revision(spec: RevSpec, rng: random.Random, all_ids: list[str],
                    p_crlf: float) -> str:
    """Return the file text for spec and set spec.line."""
    st = _Style(rng)
    lines: list[str] = []

    # Header comments (coding line, licence) before the docstring still leave it the docstring.
    if rng.random() < 0.06:
        lines.append("# -*- coding: utf-8 -*-")
    if rng.random() < 0.04:
        lines.extend(["# Copyright (c) 2024 Example Corp.", "# SPDX-License-Identifier: MIT", ""])

    # Docstring ------------------------------------------------------------------------------
    has_doc = rng.random() < 0.94
    if has_doc:
        q = '"""' if rng.random() < 0.92 else "'''"
        revises = spec.down
        if rng.random() < 0.08 and all_ids:  # stale docstring after a hand edit
            revises = [rng.choice(all_ids)]
        lead_nl = rng.random() < 0.05
        if rng.random() < 0.03:  # a first paragraph spanning two lines: Script.doc keeps both
            spec.message += "\nand " + rng.choice(_MESSAGES)
        first = q + ("\n" if lead_nl else "") + spec.message
        lines.extend(first.split("\n"))
        lines.append("")
        if rng.random() < 0.1:  # a description paragraph: not part of Script.doc
            lines.extend(["Longer description of why this migration exists,", "over two lines.", ""])
        lines.append("Revision ID: %s" % spec.rev)
        lines.append("Revises: %s" % ", ".join(revises))
        lines.append("Create Date: 20%02d-%02d-%02d %02d:%02d:%02d.%06d" % (
            rng.randint(15, 26), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
            rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999)))
        lines.append("")
        lines.append(q)
    else:
        spec.message = ""
        if rng.random() < 0.5:
            lines.append("# migration without a docstring")

    # Imports --------------------------------------------------------------------------------
    if st.annotated:
        lines.append("from typing import Sequence, Union")
        lines.append("")
    if rng.random() < 0.8:
        lines.append("from alembic import op")
        lines.append("import sqlalchemy as sa")
    lines.append("")
    lines.append("")

    # Identifiers ----------------------------------------------------------------------------
    if st.ident_comment:
        lines.append("# revision identifiers, used by Alembic.")
    blocks: list[tuple[str, list[str]]] = []

    rev_val = st.s(spec.rev)
    blocks.append(("revision", _assignment(st, "revision", rev_val, "str")))

    if not spec.down:
        down_val = "None" if rng.random() < 0.95 else rng.choice(["()", "[]"])
        ann = "Union[str, None]"
    else:
        down_val = _format_seq(st, spec.down, True, rng.random() < 0.85, len("down_revision"))
        ann = "Union[str, None]" if len(spec.down) == 1 else "Union[str, Sequence[str], None]"
    down_lines = _assignment(st, "down_revision", down_val, ann)
    if rng.random() < 0.04 and all_ids:
        down_lines = ["# down_revision = %s" % st.s(rng.choice(all_ids))] + down_lines
    blocks.append(("down_revision", down_lines))

    if spec.labels:
        val = _format_seq(st, spec.labels, True, rng.random() < 0.5, len("branch_labels"))
        blocks.append(("branch_labels", _assignment(st, "branch_labels", val,
                                                    "Union[str, Sequence[str], None]")))
    elif not st.omit_none:
        blocks.append(("branch_labels", _assignment(st, "branch_labels", "None",
                                                    "Union[str, Sequence[str], None]")))

    if spec.depends:
        val = _format_seq(st, spec.depends, True, rng.random() < 0.6, len("depends_on"))
        blocks.append(("depends_on", _assignment(st, "depends_on", val,
                                                 "Union[str, Sequence[str], None]")))
    elif not st.omit_none:
        blocks.append(("depends_on", _assignment(st, "depends_on", "None",
                                                 "Union[str, Sequence[str], None]")))

    if st.shuffle:
        rng.shuffle(blocks)
    for name, blines in blocks:
        if name == "revision":
            spec.line = len(lines) + 1
        lines.extend(blines)

    # Body -----------------------------------------------------------------------------------
    ret = " -> None" if st.annotated else ""
    lines.extend(["", ""])
    lines.append("def upgrade()%s:" % ret)
    body = rng.random()
    if body < 0.05:
        # a local variable named like the module-level one; only top level counts
        lines.append("    revision = %s" % st.s("local_" + _hex(rng, 6)))
        lines.append("    op.execute(\"SELECT '%s'\" % revision)")
    elif body < 0.4:
        lines.append("    # ### commands auto generated by Alembic - please adjust! ###")
        lines.append("    op.add_column('t_%s', sa.Column('c', sa.Integer(), nullable=True))" % _hex(rng, 4))
        lines.append("    # ### end Alembic commands ###")
    else:
        lines.append("    pass")
    lines.extend(["", ""])
    lines.append("def downgrade()%s:" % ret)
    lines.append("    pass")
    lines.append("")

    nl = "\r\n" if rng.random() < p_crlf else "\n"
    return nl.join(lines)


def _filename(rng: random.Random, spec: RevSpec, used: set[str]) -> str:
    """Random-ish names so that file order is unrelated to topological order."""
    slug = "_".join(w for w in spec.message.replace(",", " ").replace(".", "_")
                    .replace("(", " ").replace(")", " ").split() if w.isascii())[:40]
    slug = "".join(c if (c.isalnum() or c == "_") and c.isascii() else "_" for c in slug) or "rev"
    for _ in range(100):
        kind = rng.random()
        if kind < 0.35:
            name = "%s_%s.py" % (spec.rev, slug.lower())  # alembic's default template
        elif kind < 0.6:
            alphabet = string.ascii_lowercase + string.digits + ("_" if rng.random() < 0.3 else "")
            if rng.random() < 0.15:
                alphabet += "ABCDEF"
            pre = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
            name = "%s_%s.py" % (pre, spec.rev)
        elif kind < 0.8:
            name = "%04d_%02d_%02d_%02d%02d-%s_%s.py" % (
                rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28),
                rng.randint(0, 23), rng.randint(0, 59), spec.rev, slug.lower()[:20])
        else:
            name = "%d_%s.py" % (rng.randint(1_500_000_000, 1_800_000_000), slug.lower()[:20])
        if name not in used and not name.startswith("__init__"):
            used.add(name)
            return name
    raise RuntimeError("could not find a fresh file name")


_SCRIPT_DIR_NAMES = ["script", "migrations", "alembic", os.path.join("db", "migrations")]


def write_project(root: str, specs: list[RevSpec], rng: random.Random,
                  params: Optional[GenParams] = None) -> GeneratedProject:
    """Write specs as an Alembic project under root (created; must not exist or be empty)."""
    params = params or GenParams()
    os.makedirs(root, exist_ok=True)
    script_name = rng.choice(_SCRIPT_DIR_NAMES)
    script_dir = os.path.join(root, script_name)
    multi = len(specs) >= 4 and rng.random() < params.p_multi_location
    version_dirs = [os.path.join(script_dir, "versions")]
    if multi:
        version_dirs.append(os.path.join(script_dir, "versions_b"))
    for d in version_dirs:
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(script_dir, "env.py"), "w", encoding="utf-8") as f:
        f.write("# Never executed by the differential test.\n")

    ini = ["# A generated Alembic project (Retort differential test).", "[alembic]",
           "script_location = %%(here)s/%s" % script_name.replace(os.sep, "/")]
    if multi:
        sep_kind = rng.choice(["space", "os", "legacy"])
        locs = ["%%(here)s/%s/%s" % (script_name.replace(os.sep, "/"), os.path.basename(d))
                for d in version_dirs]
        if rng.random() < 0.3:
            locs.reverse()
            version_dirs.reverse()
        if sep_kind == "space":
            ini.append("version_locations = " + " ".join(locs))
            ini.append("version_path_separator = space")
        elif sep_kind == "os":
            ini.append("version_locations = " + os.pathsep.join(locs))
            ini.append("version_path_separator = os")
        else:
            ini.append("version_locations = " + rng.choice([" ", ", "]).join(locs))
    ini += ["sqlalchemy.url = sqlite:///:memory:", "", "[loggers]", "keys = root", "",
            "[handlers]", "keys = console", "", "[formatters]", "keys = generic", ""]
    ini_path = os.path.join(root, "alembic.ini")
    with open(ini_path, "w", encoding="utf-8") as f:
        f.write("\n".join(ini))

    used_names: set[str] = set()
    all_ids = [s.rev for s in specs]
    for spec in specs:
        spec.location = rng.randrange(len(version_dirs)) if multi else 0
        spec.filename = _filename(rng, spec, used_names)
        text = render_revision(spec, rng, all_ids, params.p_crlf)
        path = os.path.join(version_dirs[spec.location], spec.filename)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    # Things Alembic ignores in a versions folder.
    vdir = version_dirs[0]
    if rng.random() < 0.1:
        with open(os.path.join(vdir, "__init__.py"), "w", encoding="utf-8") as f:
            f.write("" if rng.random() < 0.5 else "# package marker\n")
    if rng.random() < 0.05:
        with open(os.path.join(vdir, "README.txt"), "w", encoding="utf-8") as f:
            f.write("revision = 'not_a_revision'\n")
    if rng.random() < 0.05:
        os.makedirs(os.path.join(vdir, "__pycache__"), exist_ok=True)

    # Which path the CLI gets: all three must be equivalent to the ini here.
    kind = rng.random()
    if multi or kind < 0.8:
        cli_path = root
    elif kind < 0.9:
        cli_path = script_dir
    else:
        cli_path = vdir
    return GeneratedProject(root=root, ini_path=ini_path, script_dir=script_dir,
                            version_dirs=version_dirs, cli_path=cli_path, revisions=specs)


def generate_project(root: str, rng: random.Random,
                     params: Optional[GenParams] = None) -> GeneratedProject:
    """Build a random graph and write it under root."""
    params = params or GenParams()
    specs = build_graph(rng, params)
    return write_project(root, specs, rng, params)


def graph_rng(seed: int | str, index: int) -> random.Random:
    """The rng for graph number index of a run with the given master seed (hash-seed proof)."""
    return random.Random("retort-differential:%s:%d" % (seed, index))


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", required=True, help="master seed")
    ap.add_argument("--index", type=int, default=0, help="graph number within the seed")
    ap.add_argument("--out", required=True, help="project folder to create")
    ap.add_argument("--min", type=int, default=5, dest="min_revisions")
    ap.add_argument("--max", type=int, default=40, dest="max_revisions")
    ap.add_argument("--force", action="store_true", help="replace --out if it exists")
    ap.add_argument("--manifest", action="store_true", help="print the generated graph as JSON")
    args = ap.parse_args(argv)
    if os.path.exists(args.out):
        if not args.force:
            ap.error("%s exists (use --force)" % args.out)
        shutil.rmtree(args.out)
    params = GenParams(min_revisions=args.min_revisions, max_revisions=args.max_revisions)
    project = generate_project(args.out, graph_rng(args.seed, args.index), params)
    if args.manifest:
        json.dump(project.to_json(), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print("%s: %d revisions; give retort-cli %s" % (project.root, len(project.revisions),
                                                         project.cli_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
