#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shows that the build itself refuses a forbidden GUI include.

Usage: check-gui-include-probe.py BUILDDIR

For each probe below, takes the compile command of a real source of one GUI
folder from BUILDDIR/compile_commands.json (its include directories, its
HEARSAY_GUI_<FOLDER>_COMPILATION define), and compiles with it, instead of
that source, a two-line file that includes one header. A forbidden header
must be refused: not found ("No such file": the folder's library does not
get that folder's include directory), or stopped by the #error of a
-private.h header of another folder. An allowed header must compile, which
shows that the refusals come from the rule and not from a broken command.
Prints TAP.
"""

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

# (folder whose compile command is used, a source of it, header, expected)
# expected: 'ok' compiles, 'missing' not on the include path, 'private'
# stopped by the header's #error.
PROBES = [
    ('panels', 'hearsay-annotation-list.c', 'hearsay-label-palette.h', 'ok'),
    ('panels', 'hearsay-annotation-list.c', 'hearsay-inspector-private.h', 'ok'),
    ('panels', 'hearsay-annotation-list.c', 'hearsay-reader-private.h', 'missing'),
    ('panels', 'hearsay-annotation-list.c', 'hearsay-reader.h', 'missing'),
    ('panels', 'hearsay-annotation-list.c', 'hearsay-window.h', 'missing'),
    ('panels', 'hearsay-annotation-list.c', 'hearsay-window-private.h', 'missing'),
    ('panels', 'hearsay-annotation-list.c', 'hearsay-link-picker.h', 'missing'),
    ('reader', 'hearsay-reader.c', 'hearsay-widget-util.h', 'ok'),
    ('reader', 'hearsay-reader.c', 'hearsay-inspector.h', 'missing'),
    ('dialogs', 'hearsay-link-picker.c', 'hearsay-compare-window.h', 'missing'),
    ('compare', 'hearsay-compare-window.c', 'hearsay-document-list.h', 'missing'),
    ('common', 'hearsay-label-palette.c', 'hearsay-reader.h', 'missing'),
    ('', 'hearsay-window.c', 'hearsay-reader.h', 'ok'),
    ('', 'hearsay-window.c', 'hearsay-reader-private.h', 'private'),
    ('', 'hearsay-window.c', 'hearsay-inspector-private.h', 'private'),
    ('', 'hearsay-window.c', 'hearsay-scheme-editor-private.h', 'private'),
]

# Options of the real command that name the source, its object or its
# dependency file (each takes the next argument), or make ninja's .d file.
DROP_WITH_ARG = {'-o', '-c', '-MQ', '-MF', '-MT'}
DROP = {'-MD', '-MMD'}
ANSI_RE = re.compile(r'\x1b\[[0-9;]*[A-Za-z]')


def find_command(entries, folder, source):
    suffix = os.path.join('src', 'gui', folder, source) if folder else os.path.join('src', 'gui', source)
    for entry in entries:
        path = os.path.normpath(os.path.join(entry['directory'], entry['file']))
        if path.endswith(os.sep + suffix):
            return entry
    return None


def probe_command(entry, probe):
    args = entry.get('arguments') or shlex.split(entry['command'])
    source = os.path.normpath(os.path.join(entry['directory'], entry['file']))
    out = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in DROP_WITH_ARG:
            skip = True
            continue
        if arg in DROP or os.path.normpath(os.path.join(entry['directory'], arg)) == source:
            continue
        out.append(arg)
    return out + ['-fdiagnostics-color=never', '-fsyntax-only', probe]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(os.path.join(argv[1], 'compile_commands.json'), encoding='utf-8') as f:
        entries = json.load(f)

    print(f'1..{len(PROBES)}')
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for number, (folder, source, header, expected) in enumerate(PROBES, 1):
            where = f'src/gui/{folder}/' if folder else 'src/gui/'
            title = f'{where} including "{header}" ' + {
                'ok': 'compiles', 'missing': 'is refused: not found',
                'private': 'is refused: private'}[expected]
            entry = find_command(entries, folder, source)
            if entry is None:
                print(f'not ok {number} - {title}\n# no compile command for {where}{source}')
                failed += 1
                continue
            probe = os.path.join(tmp, f'probe-{number}.c')
            with open(probe, 'w', encoding='utf-8') as f:
                f.write(f'#include "{header}"\nint hearsay_probe_{number};\n')
            result = subprocess.run(probe_command(entry, probe), cwd=entry['directory'],
                                    capture_output=True, text=True)
            output = ANSI_RE.sub('', result.stdout + result.stderr).replace(tmp + os.sep, '').strip()
            if expected == 'ok':
                passed = result.returncode == 0
            elif expected == 'missing':
                passed = result.returncode != 0 and f'{header}: No such file' in output
            else:
                passed = result.returncode != 0 and f'{header} is private to' in output
            print(f'{"ok" if passed else "not ok"} {number} - {title}')
            # What the compiler said, for the log: its first error line.
            said = next((line for line in output.splitlines() if 'error' in line), None)
            if said:
                print(f'# {said.strip()}')
            if not passed:
                failed += 1
                for line in output.splitlines()[:20]:
                    print(f'# {line}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
