#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every C source, header, script and build file of the tree states its
licence (SPDX) in its first lines, as COPYING and the metainfo say."""
import pathlib
import sys

PATTERNS = ('src/**/*.c', 'src/**/*.h', 'tests/**/*.c', 'tests/**/*.h', 'tests/**/*.js',
            'build-aux/*.py', 'build-aux/*.sh', '**/meson.build')


def main(root):
    root = pathlib.Path(root)
    missing = set()
    for pattern in PATTERNS:
        for path in root.glob(pattern):
            rel = path.relative_to(root)
            if rel.parts[0].startswith('build') and rel.parts[0] != 'build-aux' or 'subprojects' in rel.parts:
                continue
            head = path.read_text(encoding='utf-8', errors='replace').splitlines()[:3]
            if not any('SPDX-License-Identifier:' in line for line in head):
                missing.add(rel.as_posix())
    for rel in sorted(missing):
        print(f'{rel}: no SPDX-License-Identifier in its first three lines')
    print(f'{len(missing)} files without a licence line')
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
