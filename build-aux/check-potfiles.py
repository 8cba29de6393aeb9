#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file with a translatable string is listed in po/POTFILES.in,
and every file listed there exists: a string outside the list never reaches
the translators, so the French UI would show it in English."""
import pathlib
import re
import sys

MARK = re.compile(r'\b(?:N?_|C_|NC_|g?ngettext|g_dngettext)\s*\(|translatable="yes"')


def main(root):
    root = pathlib.Path(root)
    listed = set()
    for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.add(line)
    problems = []
    for path in sorted(root.glob('src/**/*')):
        if path.suffix not in ('.c', '.ui'):
            continue
        rel = path.relative_to(root).as_posix()
        if MARK.search(path.read_text(encoding='utf-8', errors='replace')) and rel not in listed:
            problems.append(f'{rel}: has translatable strings but is not in po/POTFILES.in')
    for rel in sorted(listed):
        if not (root / rel).exists():
            problems.append(f'po/POTFILES.in: lists {rel}, which does not exist')
    for p in problems:
        print(p)
    print(f'{len(listed)} files listed, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
