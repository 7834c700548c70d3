# Golden-test machinery shared by tools/record and tools/run-golden
# (DESIGN.md section 9). Run by the reference interpreter (tools/cpython).
#
# A golden test is tests/golden/<area>/<name>.cmd (a shell-words argument list
# for the interpreter) or, when no such .cmd exists, tests/golden/<area>/<name>.py
# (run as `INTERP <name>.py`). Expected results sit beside it: <name>.out
# (stdout), <name>.err (stderr), <name>.status (exit code). <name>.stdin, when
# present, is fed on stdin (else /dev/null). Both interpreters run with the same
# fixed environment, cwd = the test's folder, and their output is normalized the
# same way: only paths and the interpreter's own program name are replaced by
# placeholders, so the recorded files do not depend on where the repo lives.
import argparse
import concurrent.futures
import difflib
import fnmatch
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(REPO, 'tests', 'golden')
REFERENCE = os.path.join(REPO, 'tools', 'cpython')
REFERENCE_PROG = 'python3.14'  # tools/cpython runs the reference with this argv[0]

TESTDIR_PH = '<TESTDIR>'
ROOT_PH = '<ROOT>'
PROG_PH = '<PYTHON>'


def fixed_env():
    """The whole environment of a test run; nothing is inherited."""
    return {
        'PATH': '/usr/local/bin:/usr/bin:/bin',
        'HOME': '/nonexistent',
        'LC_ALL': 'C.UTF-8',
        'LANG': 'C.UTF-8',
        'TERM': 'dumb',
        'NO_COLOR': '1',
        'PYTHON_COLORS': '0',
        'PYTHONHASHSEED': '0',
        'PYTHONDONTWRITEBYTECODE': '1',
    }


class Test:
    def __init__(self, root, rel):
        self.root = root            # the golden folder (tests/golden)
        self.rel = rel              # e.g. 'basics/literals.py' or 'cli/missing.cmd'
        self.path = os.path.join(root, rel)
        self.dir = os.path.dirname(self.path)
        self.area = rel.split('/')[0] if '/' in rel else '.'
        self.base = os.path.splitext(self.path)[0]
        self.name = os.path.basename(self.base)

    def args(self):
        if self.rel.endswith('.cmd'):
            with open(self.path, encoding='utf-8') as f:
                text = '\n'.join(l for l in f.read().splitlines() if not l.lstrip().startswith('#'))
            return shlex.split(text)
        return [self.name + '.py']

    def stdin_path(self):
        p = self.base + '.stdin'
        return p if os.path.exists(p) else os.devnull

    def expected(self):
        """(out, err, status) as recorded, or None when not recorded."""
        try:
            with open(self.base + '.out', 'rb') as f:
                out = f.read()
            with open(self.base + '.err', 'rb') as f:
                err = f.read()
            with open(self.base + '.status', encoding='ascii') as f:
                status = int(f.read().strip())
        except (OSError, ValueError):
            return None
        return out, err, status


def discover(root, filters=()):
    """All tests under root (sorted), optionally restricted by filters
    (substring of the test path, or a glob when it contains * ? [)."""
    tests = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith('.') and d != '__pycache__')
        names = set(filenames)
        for fn in sorted(filenames):
            stem, ext = os.path.splitext(fn)
            if ext == '.cmd' or (ext == '.py' and stem + '.cmd' not in names):
                rel = os.path.relpath(os.path.join(dirpath, fn), root).replace(os.sep, '/')
                tests.append(Test(root, rel))
    if filters:
        norm = []
        for f in filters:
            f = os.path.abspath(f) if os.path.exists(f) else f
            if os.path.isabs(f) and f.startswith(root + os.sep):
                f = os.path.relpath(f, root)
            elif os.path.isabs(f) and f == root:
                f = ''
            norm.append(f.replace(os.sep, '/'))

        def keep(t):
            for f in norm:
                if any(c in f for c in '*?['):
                    if fnmatch.fnmatch(t.rel, f) or fnmatch.fnmatch(t.rel, f + '.*'):
                        return True
                elif f in t.rel or f == '' or os.path.splitext(f)[0] == os.path.splitext(t.rel)[0]:
                    return True
            return False
        tests = [t for t in tests if keep(t)]
    return tests


def prog_names(interp, argv0):
    """Spellings under which the interpreter may name itself in messages."""
    names = {argv0}
    if interp == REFERENCE:
        names.add(REFERENCE_PROG)
    else:
        names.add(interp)
        names.add(os.path.abspath(interp))
        names.add(os.path.basename(interp))
    return sorted((n for n in names if n), key=len, reverse=True)


def normalize(data, test, progs, root_dirs):
    """Replace the test folder, the repo root and the program name by
    placeholders. Order matters: longest/most specific first."""
    text = data.decode('utf-8', 'surrogateescape')
    for p in progs:
        # Only as the program name at the start of a line ("python3.14: can't
        # open file", "usage: python3.14 ...") so ordinary text is untouched.
        lines = text.split('\n')
        for i, line in enumerate(lines):
            if line.startswith(p + ':') or line.startswith(p + ' '):
                lines[i] = PROG_PH + line[len(p):]
            elif line.startswith('usage: ' + p + ' '):
                lines[i] = 'usage: ' + PROG_PH + line[len('usage: ' + p):]
        text = '\n'.join(lines)
    dirs = {os.path.abspath(test.dir): TESTDIR_PH, os.path.realpath(test.dir): TESTDIR_PH}
    for r in root_dirs:
        dirs.setdefault(os.path.abspath(r), ROOT_PH)
        dirs.setdefault(os.path.realpath(r), ROOT_PH)
    for d in sorted(dirs, key=len, reverse=True):
        text = text.replace(d, dirs[d])
    return text.encode('utf-8', 'surrogateescape')


def run_one(test, interp, timeout, root_dirs):
    """Run a test; return (out, err, status, note) normalized. status is the
    exit code, -N for death by signal N, None on timeout."""
    argv0 = interp
    cmd = [interp] + test.args()
    with open(test.stdin_path(), 'rb') as stdin:
        try:
            p = subprocess.Popen(cmd, cwd=test.dir, env=fixed_env(), stdin=stdin,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 start_new_session=True)
        except OSError as e:
            return b'', b'', None, 'cannot run %s: %s' % (interp, e)
        try:
            out, err = p.communicate(timeout=timeout)
            status, note = p.returncode, ''
        except subprocess.TimeoutExpired:
            # Kill the whole process group: a wrapper script's children would
            # otherwise keep the pipes open.
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                p.kill()
            out, err = p.communicate()
            status, note = None, 'timed out after %gs' % timeout
    progs = prog_names(interp, argv0)
    return (normalize(out, test, progs, root_dirs), normalize(err, test, progs, root_dirs), status, note)


def default_roots(golden_root):
    roots = [REPO]
    r = os.path.dirname(os.path.dirname(os.path.abspath(golden_root)))
    if r not in roots:
        roots.append(r)
    return roots


# ---------------------------------------------------------------- record

def cmd_record(argv):
    ap = argparse.ArgumentParser(prog='tools/record', description='Record golden tests from the reference CPython 3.14.')
    ap.add_argument('paths', nargs='*', help='tests, folders or filters (default: every golden test)')
    ap.add_argument('--golden', default=GOLDEN, help=argparse.SUPPRESS)
    ap.add_argument('--interp', default=REFERENCE, help=argparse.SUPPRESS)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=10.0)
    ap.add_argument('-q', '--quiet', action='store_true')
    a = ap.parse_args(argv)
    root = os.path.abspath(a.golden)
    tests = discover(root, a.paths)
    if not tests:
        print('record: no tests match', file=sys.stderr)
        return 1
    bad = 0
    roots = default_roots(root)

    def rec(t):
        out, err, status, note = run_one(t, a.interp, a.timeout, roots)
        if status is None:
            return t, 'FAILED (%s)' % note
        for ext, data in (('.out', out), ('.err', err), ('.status', b'%d\n' % status)):
            with open(t.base + ext, 'wb') as f:
                f.write(data)
        return t, 'status %d, %d/%d bytes out/err' % (status, len(out), len(err))

    with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as ex:
        for t, msg in ex.map(rec, tests):
            if msg.startswith('FAILED'):
                bad += 1
            if not a.quiet or msg.startswith('FAILED'):
                print('recorded %-40s %s' % (t.rel, msg))
    print('%d recorded%s' % (len(tests) - bad, ', %d failed' % bad if bad else ''))
    return 1 if bad else 0


# ---------------------------------------------------------------- run

def read_xfail(root):
    """tests/golden/xfail.txt: `area/name.py  # reason` per line. A line
    `skip area/name.py # reason` does not run the test at all."""
    xfail, skip = {}, {}
    path = os.path.join(root, 'xfail.txt')
    if not os.path.exists(path):
        return xfail, skip
    with open(path, encoding='utf-8') as f:
        for line in f:
            body, _, reason = line.partition('#')
            body = body.strip()
            if not body:
                continue
            target = xfail
            if body.startswith('skip '):
                target, body = skip, body[5:].strip()
            body = body.replace(os.sep, '/')
            if body.startswith('tests/golden/'):
                body = body[len('tests/golden/'):]
            target[body] = reason.strip() or 'no reason given'
    return xfail, skip


def diff_text(label, expected, actual, limit):
    e = expected.decode('utf-8', 'replace').splitlines(keepends=True)
    a = actual.decode('utf-8', 'replace').splitlines(keepends=True)
    lines = list(difflib.unified_diff(e, a, 'expected ' + label, 'actual ' + label, n=2))
    out = []
    for l in lines[:limit]:
        out.append(l if l.endswith('\n') else l + '\n\\ No newline at end of file\n')
    if len(lines) > limit:
        out.append('... (%d more diff lines)\n' % (len(lines) - limit))
    return ''.join(out)


def check(test, interp, timeout, roots, diff_limit, write_actual=False):
    """Returns (ok, report, seconds). With write_actual, a failing test's
    normalized results are kept as <name>.out.actual, .err.actual, .status.actual
    (git-ignored) and a passing test's stale ones are removed."""
    exp = test.expected()
    if exp is None:
        return False, 'not recorded (run tools/record %s)\n' % test.rel, 0.0
    t0 = time.monotonic()
    out, err, status, note = run_one(test, interp, timeout, roots)
    dt = time.monotonic() - t0
    rep = []
    if note:
        rep.append(note + '\n')
    if status is not None and status != exp[2]:
        how = 'killed by signal %d' % -status if status < 0 else str(status)
        rep.append('exit status: expected %d, got %s\n' % (exp[2], how))
    elif status is None and not note:
        rep.append('no exit status\n')
    if out != exp[0]:
        rep.append(diff_text('stdout', exp[0], out, diff_limit))
    if err != exp[1]:
        rep.append(diff_text('stderr', exp[1], err, diff_limit))
    ok = not rep
    if write_actual:
        for ext, data in (('.out', out), ('.err', err), ('.status', b'%s\n' % str(status).encode())):
            path = test.base + ext + '.actual'
            if ok:
                if os.path.exists(path):
                    os.remove(path)
            else:
                with open(path, 'wb') as f:
                    f.write(data)
    return ok, ''.join(rep), dt


def run_suite(root, interp, filters, jobs, timeout, diff_limit, verbose, stream, write_actual=False):
    """Runs the tests; prints reports, per-area summary and the final line.
    Returns (counts, results {rel: outcome})."""
    root = os.path.abspath(root)
    tests = discover(root, filters)
    xfail, skip = read_xfail(root)
    roots = default_roots(root)
    results = {}
    counts = {'passed': 0, 'failed': 0, 'xfail': 0, 'xpass': 0, 'skipped': 0}
    areas = {}

    def work(t):
        if t.rel in skip:
            return t, 'skipped', skip[t.rel], 0.0
        ok, rep, dt = check(t, interp, timeout, roots, diff_limit, write_actual)
        if t.rel in xfail:
            return t, ('xpass' if ok else 'xfail'), (rep if not ok else ''), dt
        return t, ('passed' if ok else 'failed'), rep, dt

    with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as ex:
        for t, outcome, rep, dt in ex.map(work, tests):
            results[t.rel] = outcome
            counts[outcome] += 1
            a = areas.setdefault(t.area, {'passed': 0, 'failed': 0, 'xfail': 0, 'xpass': 0, 'skipped': 0})
            a[outcome] += 1
            if outcome == 'failed':
                stream.write('FAIL %s (%.2fs)\n' % (t.rel, dt))
                stream.write(''.join('    ' + l + '\n' for l in rep.rstrip('\n').split('\n')))
            elif outcome == 'xpass':
                stream.write('XPASS %s (listed in xfail.txt: %s; remove it from the list)\n' % (t.rel, xfail[t.rel]))
            elif verbose:
                stream.write('%s %s (%.2fs)\n' % (outcome.upper(), t.rel, dt))
            stream.flush()
    stream.write('\nper area:\n')
    for area in sorted(areas):
        a = areas[area]
        extra = ''.join(', %d %s' % (a[k], k if k != 'xpass' else 'XPASS') for k in ('xfail', 'xpass', 'skipped') if a[k])
        stream.write('  %-16s %3d passed, %3d failed%s\n' % (area, a['passed'], a['failed'] + a['xpass'], extra))
    failed = counts['failed'] + counts['xpass']
    line = '%d passed, %d failed' % (counts['passed'], failed)
    if counts['xfail']:
        line += ', %d xfail' % counts['xfail']
    if counts['xpass']:
        line += ' (%d XPASS)' % counts['xpass']
    if counts['skipped']:
        line += ', %d skipped' % counts['skipped']
    stream.write(line + '\n')
    stream.flush()
    return counts, results


SELF_TESTS = {
    # name: (source, how to spoil its recorded expectation or None, xfail reason or None, expected outcome)
    'simple': ("print('hello', 6 * 7)\nprint([1, 2], (3,), {'a': 'b'})\n", None, None, 'passed'),
    'good': ("import sys\nprint('hello', [1, 2.5, 'x'], {'a': (1,)})\nprint(sys.argv)\n"
             "def f():\n    return 1 / 0\nf()\n", None, None, 'passed'),
    'bad_stdout': ("print('hello')\nprint(6 * 7)\n", ('out', b'hello\n41\n'), None, 'failed'),
    'bad_stderr': ("def g():\n    raise ValueError('v')\ng()\n", ('err', b'Traceback (most recent call last):\nValueError: w\n'), None, 'failed'),
    'bad_status': ("import sys\nprint('x')\nsys.exit(3)\n", ('status', b'4\n'), None, 'failed'),
    'missing_line': ("for i in range(3):\n    print(i)\n", ('out', b'0\n1\n'), None, 'failed'),
    'xfail_wrong': ("print('a')\n", ('out', b'b\n'), 'deliberately wrong', 'xfail'),
    'xpass_right': ("print('a')\n", None, 'deliberately listed although it passes', 'xpass'),
}
SELF_CLI = {
    # cli tests exercising the program-name and path normalization
    'missing': ('nonexistent_file.py', 'passed'),
    'dash_c': ('-c "import sys; print(sys.argv); print(1/0)"', 'passed'),
}


# With pyxx only the minimal pair below is required to pass (plus every spoiled
# test to fail), so the self-test does not depend on tracebacks or -c working yet.
SELF_MINIMAL = ('simple', 'bad_stdout', 'bad_stderr', 'bad_status', 'missing_line', 'xfail_wrong', 'xpass_right', 'hang')


def self_test(interp, label, minimal=False):
    """Builds a throw-away golden tree, records it with the reference, spoils
    some expectations, moves the tree elsewhere (recorded files must not depend
    on location) and checks the harness classifies every test as intended."""
    base = tempfile.mkdtemp(prefix='pyxx-golden-selftest-')
    try:
        rec_root = os.path.join(base, 'a', 'tests', 'golden')
        os.makedirs(os.path.join(rec_root, 'selftest'))
        os.makedirs(os.path.join(rec_root, 'cli'))
        tests = {n: v for n, v in SELF_TESTS.items() if not minimal or n in SELF_MINIMAL}
        cli = {} if minimal else SELF_CLI
        for name, (src, _, _, _) in tests.items():
            with open(os.path.join(rec_root, 'selftest', name + '.py'), 'w') as f:
                f.write(src)
        for name, (args, _) in cli.items():
            with open(os.path.join(rec_root, 'cli', name + '.cmd'), 'w') as f:
                f.write(args + '\n')
        with open(os.path.join(rec_root, 'selftest', 'hang.py'), 'w') as f:
            f.write('while True:\n    pass\n')
        roots = default_roots(rec_root)
        for t in discover(rec_root):
            if t.name == 'hang':
                for ext, data in (('.out', b'never printed\n'), ('.err', b''), ('.status', b'0\n')):
                    with open(t.base + ext, 'wb') as f:
                        f.write(data)
                continue
            out, err, status, note = run_one(t, REFERENCE, 10, roots)
            if status is None:
                print('self-test: cannot record %s with the reference: %s' % (t.rel, note))
                return False
            for ext, data in (('.out', out), ('.err', err), ('.status', b'%d\n' % status)):
                with open(t.base + ext, 'wb') as f:
                    f.write(data)
        if not minimal:
            with open(os.path.join(rec_root, 'selftest', 'good.err'), 'rb') as f:
                if TESTDIR_PH.encode() not in f.read():
                    print('self-test: the traceback path was not normalized when recording')
                    return False
        for name, (_, spoil, reason, _) in tests.items():
            if spoil:
                with open(os.path.join(rec_root, 'selftest', name + '.' + spoil[0]), 'wb') as f:
                    f.write(spoil[1])
        with open(os.path.join(rec_root, 'xfail.txt'), 'w') as f:
            f.write('# self-test list\n')
            for name, (_, _, reason, _) in tests.items():
                if reason:
                    f.write('selftest/%s.py  # %s\n' % (name, reason))
        run_root = os.path.join(base, 'elsewhere', 'golden')
        shutil.move(rec_root, run_root)
        import io
        buf = io.StringIO()
        counts, results = run_suite(run_root, interp, (), 2, 2.0, 20, True, buf)
        want = {'selftest/%s.py' % n: v[3] for n, v in tests.items()}
        want.update({'cli/%s.cmd' % n: v[1] for n, v in cli.items()})
        want['selftest/hang.py'] = 'failed'
        ok = True
        for rel, outcome in sorted(want.items()):
            got = results.get(rel)
            mark = 'ok ' if got == outcome else 'BAD'
            if got != outcome:
                ok = False
            print('  %s %-26s expected %-7s got %s' % (mark, rel, outcome, got))
        final = buf.getvalue().rstrip('\n').split('\n')[-1]
        expect_final = '%d passed, %d failed, 1 xfail (1 XPASS)' % (
            sum(1 for v in want.values() if v == 'passed'), sum(1 for v in want.values() if v in ('failed', 'xpass')))
        if final != expect_final:
            print('  BAD final line %r, expected %r' % (final, expect_final))
            ok = False
        if not ok:
            print('--- harness output (%s) ---' % label)
            print(buf.getvalue())
        print('self-test (%s): %s' % (label, 'ok' if ok else 'FAILED'))
        return ok
    finally:
        shutil.rmtree(base, ignore_errors=True)


def cmd_run(argv):
    ap = argparse.ArgumentParser(prog='tools/run-golden', description='Run the golden tests through pyxx.')
    ap.add_argument('--pyxx', help='the interpreter under test (default: build/pyxx)')
    ap.add_argument('--jobs', '-j', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=20.0)
    ap.add_argument('--self-test', action='store_true', help='check that the harness catches wrong output, then exit')
    ap.add_argument('--diff-lines', type=int, default=40, help='truncate each diff after this many lines')
    ap.add_argument('--golden', default=GOLDEN, help=argparse.SUPPRESS)
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('--write-actual', action='store_true',
                    help="keep a failing test's normalized output as <name>.{out,err,status}.actual")
    ap.add_argument('filters', nargs='*')
    a = ap.parse_args(argv)
    pyxx = a.pyxx or os.path.join(REPO, 'build', 'pyxx')
    pyxx = os.path.abspath(pyxx)
    if (a.pyxx or not a.self_test) and not (os.path.isfile(pyxx) and os.access(pyxx, os.X_OK)):
        print('run-golden: %s is not an executable (build it first: make build)' % pyxx, file=sys.stderr)
        return 2
    if a.self_test:
        ok = self_test(REFERENCE, 'harness, with the reference interpreter')
        if a.pyxx:
            ok = self_test(pyxx, 'with ' + (os.path.relpath(pyxx, REPO) if pyxx.startswith(REPO + os.sep) else pyxx), minimal=True) and ok
        return 0 if ok else 1
    if not discover(os.path.abspath(a.golden), a.filters):
        print('run-golden: no tests match %s' % ' '.join(a.filters), file=sys.stderr)
        return 1
    counts, _ = run_suite(a.golden, pyxx, a.filters, a.jobs, a.timeout, a.diff_lines, a.verbose, sys.stdout, a.write_actual)
    if sum(counts.values()) == 0:
        print('run-golden: no tests ran', file=sys.stderr)
        return 1
    return 1 if counts['failed'] or counts['xpass'] else 0


if __name__ == '__main__':
    if len(sys.argv) < 2 or sys.argv[1] not in ('record', 'run'):
        print('usage: golden.py record|run ...', file=sys.stderr)
        sys.exit(2)
    sys.exit(cmd_record(sys.argv[2:]) if sys.argv[1] == 'record' else cmd_run(sys.argv[2:]))
