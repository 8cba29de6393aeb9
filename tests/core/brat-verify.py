#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a brat folder the way brat 1.3 does: how annotation.py reads the
.txt and .ann files (TextAnnotations, _sanity), how projectconfig.py reads
annotation.conf, and the checks of verify_annotations.py. Hearsay's own
code, written from brat's source to the same rules, for machines without
brat and Python 2; validate-brat.sh also runs brat's own verifier when
BRAT_DIR names a brat checkout.

Usage: brat-verify.py FOLDER   (exit 1 and one line per issue when any)

<stem>_<annotator>.ann (Hearsay's layout for a second annotator) is checked
against <stem>.txt, as if brat had been given a copy of the text."""

import os
import re
import sys

SPLIT_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
RESERVED = ["<%s>" % n for n in ("ANY", "ENTITY", "RELATION", "EVENT", "NONE", "EMPTY", "REL-TYPE", "URL",
                                 "URLBASE", "GLYPH-POS", "DEFAULT", "NORM", "OVERLAP", "OVL-TYPE", "INHERIT")]
SPECIAL_RELATIONS = ("<OVERLAP>", "ENTITY-NESTING")
ALIAS = {"spans": "entities"}


def storage_form(t):
    return re.sub(r"[^a-zA-Z0-9_-]", "_", t.replace(" ", "_"))


class Node:
    def __init__(self, terms, args):
        self.unused = terms[0].startswith("!")
        if self.unused:
            terms[0] = terms[0][1:]
        self.type = terms[0] if terms[0] in SPECIAL_RELATIONS else storage_form(terms[0])
        self.arguments, self.special, self.arg_list = {}, {}, []
        self.min, self.max, self.keys_by_type = {}, {}, {}
        for a in args:
            m = re.match(r"^(\S*?):(\S*)$", a.strip())
            if not m:
                raise ValueError("cannot parse argument %r" % a)
            key, types = m.groups()
            if key in RESERVED:
                self.special[key] = types.split("-") if key == "<REL-TYPE>" else [types]
                continue
            m = re.match(r"^(\S+?)(\{\S+\}|\?|\*|\+|)$", key)
            key, rep = m.groups()
            lo, hi = {"": (1, 1), "?": (0, 1), "*": (0, sys.maxsize), "+": (1, sys.maxsize)}.get(rep, (None, None))
            if lo is None:
                m = re.match(r"\{(\d+)(?:-(\d+))?\}$", rep)
                lo = int(m.group(1))
                hi = int(m.group(2)) if m.group(2) else lo
            if hi > 1 and key[-1].isdigit():
                raise ValueError("arguments ending with a digit cannot be repeated: %r" % key)
            if key in self.arguments:
                raise ValueError("argument %r appears twice" % key)
            self.min[key], self.max[key] = lo, hi
            self.arg_list.append(key)
            for t in types.split("|"):
                if not t.strip():
                    raise ValueError("empty type in %r" % a)
                self.arguments.setdefault(key, []).append(t)
                self.keys_by_type.setdefault(t, []).append(key)


def read_conf(text):
    sections, section, macros = {}, "general", {}
    for line in text.split("\n"):
        m = re.match(r"^\s*\[(.*)\]\s*$", line)
        if m:
            section = ALIAS.get(m.group(1), m.group(1))
            sections.setdefault(section, [])
            macros = {}
            continue
        if line.strip() == "" or re.match(r"^\s*#", line) or re.match(r"^\s*-+\s*$", line):
            continue
        m = re.match(r"^<([a-zA-Z_-]+)>=\s*(.*?)\s*$", line)
        if m:
            macros["<%s>" % m.group(1)] = m.group(2)
            continue
        for name, value in macros.items():
            line = line.replace(name, value)
        for m in re.finditer(r"(<.*?>)", line):
            if m.group(1) not in RESERVED:
                raise ValueError("undefined macro %s" % m.group(1))
        m = re.match(r"^(\s*)(\S+)(?:\s+(.*))?$", line)
        terms = [t.strip() for t in m.group(2).split("|") if t.strip()]
        args = [a.strip() for a in (m.group(3) or "").split(",") if a.strip()]
        sections.setdefault(section, []).append(Node(terms, args))
    for s in ("entities", "relations", "events", "attributes"):
        if s not in sections:
            raise ValueError("missing section [%s]" % s)
    for r in sections["relations"]:
        if r.type == "Equiv" and "<REL-TYPE>" not in r.special:
            r.special["<REL-TYPE>"] = ["symmetric", "transitive"]
    return sections


class Conf:
    def __init__(self, sections):
        self.s = sections
        self.entities = [n.type for n in sections["entities"]]
        self.events = [n.type for n in sections["events"]]
        self.nodes = {n.type: n for n in sections["entities"] + sections["events"]}

    def relations_by_arg(self, num, atype, special=False):
        out = []
        for r in self.s["relations"]:
            if r.type in SPECIAL_RELATIONS and not special:
                continue
            if len(r.arg_list) != 2:
                continue
            for t in r.arguments[r.arg_list[num]]:
                if (t == atype or t == "<ANY>" or atype == "<ANY>" or
                        (t in self.entities and atype == "<ENTITY>") or (t in self.events and atype == "<EVENT>") or
                        (atype in self.entities and t == "<ENTITY>") or (atype in self.events and t == "<EVENT>")):
                    out.append(r)
        return out

    def relation_types_from_to(self, a, b, special=False):
        t2 = self.relations_by_arg(1, b, special)
        return [r.type for r in self.relations_by_arg(0, a, special) if r in t2]

    def overlap_types(self, inner, outer):
        t2 = self.relations_by_arg(1, outer, True)
        ovl = set()
        for r in self.relations_by_arg(0, inner, True):
            if r.type == "<OVERLAP>" and r in t2 and "<OVL-TYPE>" in r.special:
                for v in r.special["<OVL-TYPE>"]:
                    ovl |= set(v.split("|"))
            elif r.type == "ENTITY-NESTING" and r in t2:
                ovl.add("contain")
        return ovl

    def can(self, kind, a, b):
        return (kind in self.overlap_types(a, b) or "<ANY>" in self.overlap_types(a, b) or
                (kind != "contain" and kind in self.overlap_types(b, a)) or "<ANY>" in self.overlap_types(b, a))

    def is_physical(self, t):
        return t in self.entities

    def arc_types_from_to(self, a, b="<ANY>"):
        node = self.nodes.get(a)
        if node is None:
            return []
        if b == "<ANY>":
            return list(node.arguments) + [r.type for r in self.relations_by_arg(0, a)]
        types = list(node.keys_by_type.get(b, [])) + node.keys_by_type.get("<ANY>", [])
        if b in self.events:
            types += node.keys_by_type.get("<EVENT>", [])
        if self.is_physical(b):
            types += node.keys_by_type.get("<ENTITY>", [])
        return types + self.relation_types_from_to(a, b)

    def attributes_for(self, t):
        out = []
        for attr in self.s["attributes"]:
            types = attr.arguments.get("Arg", [])
            if (t in types or "<ANY>" in types or (t in self.events and "<EVENT>" in types) or
                    (self.is_physical(t) and "<ENTITY>" in types)):
                out.append(attr.type)
        return out

    def equiv_types(self):
        return [r.type for r in self.s["relations"]
                if "symmetric" in r.special.get("<REL-TYPE>", []) and "transitive" in r.special.get("<REL-TYPE>", [])]


def nonum(role):
    return re.match(r"^(.*?)\d*$", role).group(1)


def read_ann(path, text, issues):
    """annotation.py's reading: unparsable lines are brat's syntax errors."""
    anns = {}
    equivs = []
    with open(path, "rb") as f:
        lines = f.read().decode("utf-8").splitlines(True)
    for n, line in enumerate(lines, 1):
        def bad(why):
            issues.append("%s:%d: syntax error: %s: %r" % (path, n, why, line))
        if "\t" not in line:
            bad("no TAB")
            continue
        id_, tail = line.split("\t", 1)
        if id_ in anns:
            bad("duplicate id %s" % id_)
            continue
        data, dtail = (tail.split("\t", 1) + [""])[:2] if "\t" in tail else (tail, "")
        dtail = "\t" + dtail if "\t" in tail else ""
        data = data.rstrip("\r\n")
        kind = id_[0]
        try:
            if kind == "T":
                type_, rest = data.split(" ", 1)
                spans = []
                for s in rest.split(";"):
                    a, b = s.split(" ", 2)
                    spans.append((int(a), int(b.rstrip())))
                seen = []
                for a, b in spans:
                    if a > b or a < 0 or b > len(text):
                        raise ValueError("span %d-%d" % (a, b))
                    for c, d in seen:
                        if b >= c and a < d:
                            raise ValueError("fragments overlap (or touch)")
                    seen.append((a, b))
                spanlen = sum(b - a for a, b in spans) + len(spans) - 1
                ref = " ".join(text[a:b] for a, b in spans)
                if dtail.strip() == "":
                    raise ValueError("no text")
                given = dtail[1:spanlen + 1]
                rest = dtail[spanlen + 1:]
                if given != ref:
                    raise ValueError("text %r does not match %r" % (given, ref))
                if rest != "" and not rest[0].isspace():
                    raise ValueError("text not separated from the rest of the line")
                anns[id_] = ("T", type_, spans)
            elif kind == "E":
                head = data.split(" ")[0]
                type_, trigger = head.split(":")
                args = [tuple(a.split(":")) for a in data.split()[1:]]
                for a in args:
                    if len(a) != 2:
                        raise ValueError("argument %r" % (a,))
                anns[id_] = ("E", type_, trigger, args)
            elif kind == "R":
                type_, rest = data.split(" ", 1)
                args = [tuple(a.split(":")) for a in rest.split()]
                if len(args) != 2 or args[0][0] == args[1][0]:
                    raise ValueError("relation arguments")
                anns[id_] = ("R", type_, args)
            elif kind in "AM":
                m = re.match(r"(.+?) (.+?) (.+?)$", data) or re.match(r"(.+?) (.+?)$", data)
                anns[id_] = ("A", m.group(1), m.group(2))
            elif kind == "N":
                m = re.match(r"(\S+) (\S+) (\S+?):(\S+)", data)
                anns[id_] = ("N", m.group(1), m.group(2))
            elif kind == "#":
                type_, target = data.split()
                anns[id_] = ("#", type_, target)
            elif kind == "*":
                type_, rest = data.split(None, 1)
                equivs.append((type_, rest.split()))
            else:
                raise ValueError("unknown line type")
        except (ValueError, AttributeError, IndexError) as e:
            bad(str(e))
    return anns, equivs


def deps(a):
    if a[0] == "E":
        return [a[2]] + [x[1] for x in a[3]]
    if a[0] == "R":
        return [x[1] for x in a[2]]
    if a[0] in "AN#":
        return [a[2]]
    return []


def verify(path, text, conf, issues):
    anns, equivs = read_ann(path, text, issues)

    def issue(ann_id, what):
        issues.append("%s:\t%s: %s" % (path, ann_id, what))

    # annotation.py's _sanity (brat refuses the document on these)
    for i, a in anns.items():
        for d in deps(a):
            if d not in anns:
                issue(i, "ID %s not defined" % d)
    triggers = {}
    for i, a in anns.items():
        if a[0] == "E":
            t = anns.get(a[2])
            if t is None or t[0] != "T" or t[1] != a[1]:
                issue(i, "event without a trigger of its type")
            triggers.setdefault(a[2], []).append(i)
    for i, a in anns.items():
        if a[0] not in "ET" and a[0] != "R":
            for d in deps(a):
                if d in triggers:
                    issue(i, "trigger %s referenced by a non-event" % d)
    for _, members in equivs:
        for m in members:
            if m not in anns:
                issue("*", "ID %s not defined" % m)

    def type_of(i):
        return anns[i][1]

    # verify_annotations.py
    textbounds = {i: a for i, a in anns.items() if a[0] == "T"}
    for i, a in anns.items():
        if a[0] == "E" and a[1] not in conf.events:
            issue(i, "Error: %s is not a known event type" % a[1])
        if a[0] == "T" and a[1] not in conf.events + conf.entities:
            issue(i, "Error: %s is not a known textbound type" % a[1])
        if a[0] == "R" and a[1] not in [r.type for r in conf.s["relations"]]:
            issue(i, "Error: %s is not a known relation type" % a[1])
    equiv_types = conf.equiv_types()
    for type_, members in equivs:
        types = {type_of(m) for m in members if m in anns}
        for t1 in types:
            for t2 in types:
                if not any(rt in equiv_types for rt in conf.relation_types_from_to(t1, t2)):
                    issue("*", "Equivalence relation %s not allowed between %s and %s" % (type_, t1, t2))
    physical = [(i, a) for i, a in textbounds.items() if conf.is_physical(a[1])]
    for i1, a1 in physical:
        s1, e1 = min(s for s, _ in a1[2]), max(e for _, e in a1[2])
        for i2, a2 in physical:
            if i1 == i2:
                continue
            s2, e2 = min(s for s, _ in a2[2]), max(e for _, e in a2[2])
            if not (s2 < e1 and e2 > s1):
                continue
            contains = lambda x, y: all(any(os_ >= ss and oe <= se for ss, se in x[2]) for os_, oe in y[2])
            if set(a1[2]) == set(a2[2]):
                if not conf.can("equal", a1[1], a2[1]):
                    issue(i1, "Error: %s cannot have identical span with %s %s" % (a1[1], a2[1], i2))
            elif contains(a2, a1):
                if not conf.can("contain", a1[1], a2[1]):
                    issue(i1, "Error: %s cannot be contained in %s (%s)" % (a1[1], a2[1], i2))
            elif contains(a1, a2):
                if not conf.can("contain", a2[1], a1[1]):
                    issue(i1, "Error: %s cannot contain %s (%s)" % (a1[1], a2[1], i2))
            elif not conf.can("cross", a1[1], a2[1]):
                issue(i1, "Error: annotation cannot have crossing span with %s" % i2)
    by_span = {}
    for i, a in textbounds.items():
        if a[1] in conf.events:
            if i not in triggers:
                issue(i, "Warning: trigger %s is not referenced from any event" % i)
            by_span.setdefault((tuple(sorted(set(a[2]))), a[1]), []).append(i)
    for k, ts in by_span.items():
        if len(ts) > 1:
            issue(ts[0], "Warning: triggers %s have identical span and type" % ",".join(ts))
    for i, a in anns.items():
        if a[0] != "R" or any(x[1] not in anns for x in a[2]):
            continue
        (l1, x1), (l2, x2) = a[2]
        ok = False
        for (la, xa), (lb, xb) in (((l1, x1), (l2, x2)), ((l2, x2), (l1, x1))):
            if a[1] in conf.relation_types_from_to(type_of(xa), type_of(xb)):
                for r in conf.s["relations"]:
                    if r.type == a[1] and r.arg_list == [la, lb]:
                        ok = True
        if not ok:
            issue(i, "Error: %s relation %s:%s %s:%s not allowed" % (a[1], l1, type_of(x1), l2, type_of(x2)))
    for i, a in anns.items():
        if a[0] != "E" or a[1] not in conf.nodes:
            continue
        node = conf.nodes[a[1]]
        counts, targets = {}, {}
        for role, arg in a[3]:
            counts[nonum(role)] = counts.get(nonum(role), 0) + 1
            targets.setdefault(nonum(role), []).append(arg)
        for m in [k for k in node.arg_list if node.min[k] > 0]:
            if counts.get(m, 0) < node.min[m]:
                issue(i, "Incomplete: %s argument required for event" % m)
        allowed = conf.arc_types_from_to(a[1])
        for role, args in targets.items():
            if role not in allowed:
                issue(i, "Error: %s cannot take a %s argument" % (a[1], role))
                continue
            for arg in args:
                if arg in anns and role not in conf.arc_types_from_to(a[1], type_of(arg)):
                    issue(i, "Error: %s argument %s cannot be of type %s" % (a[1], role, type_of(arg)))
        for role, n in counts.items():
            if n > 1 and (role not in node.max or node.max[role] <= 1):
                issue(i, "Error: %s cannot take multiple %s arguments" % (a[1], role))
            elif role in node.max and n > node.max[role]:
                issue(i, "Error: %s can take at most %d %s arguments" % (a[1], node.max[role], role))
    for i, a in anns.items():
        if a[0] == "A" and a[2] in anns and a[1] not in conf.attributes_for(type_of(a[2])):
            issue(a[2], "Error: %s cannot take a %s attribute" % (type_of(a[2]), a[1]))


def nearest_conf(folder, root):
    while True:
        path = os.path.join(folder, "annotation.conf")
        if os.path.isfile(path):
            return path
        if os.path.samefile(folder, root) or os.path.dirname(folder) == folder:
            return None
        folder = os.path.dirname(folder)


def main():
    root = sys.argv[1]
    issues, checked = [], 0
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith(".ann"):
                continue
            stem = name[:-4]
            while not os.path.isfile(os.path.join(folder, stem + ".txt")) and "_" in stem:
                stem = stem.rsplit("_", 1)[0]
            txt = os.path.join(folder, stem + ".txt")
            conf_path = nearest_conf(folder, root)
            if not os.path.isfile(txt) or conf_path is None:
                issues.append("%s: no .txt or no annotation.conf" % name)
                continue
            with open(conf_path, "rb") as f:
                conf = Conf(read_conf(f.read().decode("utf-8")))
            with open(txt, "rb") as f:   # as codecs.open(): CR LF kept, a BOM kept
                text = f.read().decode("utf-8")
            verify(os.path.join(folder, name), text, conf, issues)
            checked += 1
    for line in issues:
        print(line)
    print("brat-verify: %d .ann files, %d issues" % (checked, len(issues)))
    return 1 if issues or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
