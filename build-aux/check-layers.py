#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The folder rule of docs/architecture.md, checked on the tree and the build.

  check-layers.py includes SRCDIR          every #include of src/core and src/cli
  check-layers.py symbols BUILDDIR         the symbols each core library takes from
                                           the others (nm), hence no cycle
  check-layers.py probe BUILDDIR           a forbidden include fails to compile

Exit 0 when the rule holds; 1 with one line per breach ("file:line: …")."""

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

# What each core folder may use, besides itself. Nothing but project/ uses the store.
CORE_ALLOWED = {
    'base': set(),
    'model': {'base'},
    'store': {'model', 'base'},
    'project': {'store', 'model', 'base'},
    'import': {'project', 'model', 'base'},
    'export': {'project', 'model', 'base'},
    'compare': {'project', 'model', 'base'},
}
# The CLI (like the GUI) sees the core's public headers, never store/.
PUBLIC_CORE = {'base', 'model', 'project', 'import', 'export', 'compare'}
# System headers only one folder may include.
SYSTEM_OWNERS = {'sqlite3.h': 'store', 'libpq-fe.h': 'store'}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def core_headers(src):
    """header file name → core folder that holds it."""
    owners = {}
    for folder in CORE_ALLOWED:
        for name in os.listdir(os.path.join(src, 'src', 'core', folder)):
            if name.endswith('.h'):
                owners[name] = folder
    return owners


def check_includes(src):
    owners = core_headers(src)
    breaches = []
    for area in ('src/core', 'src/cli'):
        for root, _, files in os.walk(os.path.join(src, area)):
            for name in sorted(files):
                if not name.endswith(('.c', '.h')):
                    continue
                path = os.path.join(root, name)
                rel = os.path.relpath(path, src)
                parts = rel.split(os.sep)
                folder = parts[2] if area == 'src/core' else 'cli'
                allowed = CORE_ALLOWED[folder] if folder in CORE_ALLOWED else PUBLIC_CORE
                with open(path, encoding='utf-8') as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        kind, header = m.groups()
                        base = os.path.basename(header)
                        if kind == '<':
                            owner = SYSTEM_OWNERS.get(base)
                            if owner is not None and owner != folder:
                                breaches.append(f'{rel}:{number}: <{header}> belongs to src/core/{owner} only')
                            if folder != 'cli' and header.startswith(('gtk/', 'gdk/', 'adwaita')):
                                breaches.append(f'{rel}:{number}: the core never includes GTK (<{header}>)')
                            continue
                        if '/' in header:
                            breaches.append(f'{rel}:{number}: "{header}": include by name, the build gives the folders')
                        owner = owners.get(base)
                        if owner is None or owner == folder:
                            continue
                        if owner not in allowed:
                            breaches.append(f'{rel}:{number}: "{base}" is in src/core/{owner}, '
                                            f'which {folder}/ may not use')
                        elif base.endswith('-private.h'):
                            breaches.append(f'{rel}:{number}: "{base}" is private to src/core/{owner}')
    return breaches


def nm_symbols(archive):
    out = subprocess.run(['nm', '--defined-only', '-g', archive], capture_output=True, text=True,
                         check=True).stdout
    defined = {l.split()[-1] for l in out.splitlines() if len(l.split()) == 3}
    out = subprocess.run(['nm', '-u', archive], capture_output=True, text=True, check=True).stdout
    undefined = {l.split()[-1] for l in out.splitlines() if l.strip() and not l.endswith(':')}
    return defined, undefined - defined


def check_symbols(build):
    libs = {}
    for folder in CORE_ALLOWED:
        archive = os.path.join(build, 'src', 'core', folder, f'libhearsay-{folder}.a')
        if not os.path.exists(archive):
            return [f'{archive}: not built']
        libs[folder] = nm_symbols(archive)
    owner = {}
    for folder, (defined, _) in libs.items():
        for symbol in defined:
            owner[symbol] = folder
    breaches = []
    uses = {folder: set() for folder in libs}
    for folder, (_, undefined) in libs.items():
        for symbol in sorted(undefined):
            other = owner.get(symbol)
            if other is None or other == folder:
                continue
            uses[folder].add(other)
            if other not in CORE_ALLOWED[folder]:
                breaches.append(f'libhearsay-{folder}.a calls {symbol} of src/core/{other}')
    # The allowed relation has no cycle, so a breach-free graph has none either;
    # say so explicitly for the record.
    for folder in uses:
        seen, stack = set(), [folder]
        while stack:
            for nxt in uses[stack.pop()]:
                if nxt == folder:
                    breaches.append(f'a call cycle passes through src/core/{folder}')
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
    return breaches


def probe(build):
    """Compiles probes with the exact command of an import/ source."""
    with open(os.path.join(build, 'compile_commands.json'), encoding='utf-8') as f:
        commands = json.load(f)
    entry = next(e for e in commands if '/src/core/import/' in e['file'] and e['file'].endswith('hearsay-importers.c'))
    args = shlex.split(entry['command'])
    cases = [
        ('#include "hearsay-project.h"\n', True, None),
        ('#include "hearsay-store.h"\n', False, 'hearsay-store.h: No such file'),
        ('#include "hearsay-store-private.h"\n', False, 'hearsay-store-private.h: No such file'),
        ('#include "hearsay-project-private.h"\n', False, 'is private to src/core/project'),
        ('#include "hearsay-export-private.h"\n', False, 'hearsay-export-private.h: No such file'),
    ]
    breaches = []
    with tempfile.TemporaryDirectory() as tmp:
        for text, should_build, expect in cases:
            src = os.path.join(tmp, 'probe.c')
            with open(src, 'w') as f:
                f.write('#include "config.h"\n' + text)
            cmd = []
            skip = False
            for i, a in enumerate(args):
                if skip:
                    skip = False
                    continue
                if a in ('-o', '-MF', '-MQ'):
                    skip = True
                    continue
                if a == entry['file'] or a.endswith('hearsay-importers.c'):
                    continue
                if a == '-c':
                    continue
                cmd.append(a)
            cmd += ['-fsyntax-only', src]
            r = subprocess.run(cmd, cwd=entry['directory'], capture_output=True, text=True)
            built = r.returncode == 0
            shown = text.strip()
            if built != should_build:
                breaches.append(f'import/ probe {shown}: compiled={built}, expected {should_build}\n{r.stderr}')
            elif expect and expect not in r.stderr:
                breaches.append(f'import/ probe {shown}: refused, but not with "{expect}":\n{r.stderr}')
            else:
                print(f'ok: import/ {shown} -> {"compiles" if built else "refused: " + expect}')
    return breaches


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ('includes', 'symbols', 'probe'):
        print(__doc__, file=sys.stderr)
        return 2
    check = {'includes': check_includes, 'symbols': check_symbols, 'probe': probe}[sys.argv[1]]
    breaches = check(sys.argv[2])
    for b in breaches:
        print(b)
    if not breaches:
        print(f'{sys.argv[1]}: the folder rule holds')
    return 1 if breaches else 0


if __name__ == '__main__':
    sys.exit(main())
