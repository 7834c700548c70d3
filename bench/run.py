"""Benchmark runner (DESIGN.md section 10): times pyxx and the reference
CPython 3.14 side by side in one run.

    tools/cpython bench/run.py --pyxx build/pyxx --cpython tools/cpython [--reps N] [--json] [--json-out FILE] [names...]

Every benchmark is bench/<name>.py (this file excepted). Repetitions are
interleaved (cpython, pyxx, cpython, pyxx, ...) so drift in machine load hits
both sides alike; the figure is the ratio of the medians of wall time,
pyxx/cpython, and the geometric mean of those ratios. Both interpreters must
print identical stdout and exit 0, otherwise the benchmark is a failure.
A start-up row (`-c pass`) is shown too but kept out of the geometric mean.
Exit status: 1 if any benchmark failed (or exceeded --max-ratio), else 0.
"""
import argparse
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def fixed_env():
    # Same environment as the golden tests (tools/golden.py).
    return {
        'PATH': '/usr/local/bin:/usr/bin:/bin', 'HOME': '/nonexistent',
        'LC_ALL': 'C.UTF-8', 'LANG': 'C.UTF-8', 'TERM': 'dumb',
        'NO_COLOR': '1', 'PYTHON_COLORS': '0', 'PYTHONHASHSEED': '0',
        'PYTHONDONTWRITEBYTECODE': '1',
    }


def run_once(interp, args, timeout):
    """Returns dict(wall, rss_kb, status, out, err, note)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        try:
            p = subprocess.Popen([interp] + args, cwd=HERE, env=fixed_env(), stdin=subprocess.DEVNULL,
                                 stdout=out, stderr=err, start_new_session=True)
        except OSError as e:
            return {'wall': None, 'status': None, 'out': b'', 'err': b'', 'note': str(e)}
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, wstatus = os.waitpid(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(wstatus)
        out.seek(0)
        err.seek(0)
        # (ru_maxrss is useless here: Linux carries the forking harness's
        # high-water mark across exec, so peak RSS is not reported.)
        return {'wall': wall, 'status': p.returncode, 'out': out.read(), 'err': err.read(),
                'note': 'timed out after %gs' % timeout if timed_out else ''}


def fmt_time(t):
    return '-' if t is None else '%.3fs' % t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--pyxx', default=os.path.join(REPO, 'build', 'pyxx'))
    ap.add_argument('--cpython', default=os.path.join(REPO, 'tools', 'cpython'))
    ap.add_argument('--reps', type=int, default=5, help='repetitions per interpreter (default 5)')
    ap.add_argument('--timeout', type=float, default=120.0, help='seconds per run (default 120)')
    ap.add_argument('--json', action='store_true', help='print only JSON on stdout (no table)')
    ap.add_argument('--json-out', metavar='FILE', help='also write the results as JSON to FILE')
    ap.add_argument('--max-ratio', type=float, help='fail if any benchmark ratio exceeds this')
    ap.add_argument('--no-startup', action='store_true', help='skip the start-up row')
    ap.add_argument('names', nargs='*', help='benchmarks to run (default: all)')
    a = ap.parse_args()
    interps = {'cpython': os.path.abspath(a.cpython), 'pyxx': os.path.abspath(a.pyxx)}
    for k, v in interps.items():
        if not (os.path.isfile(v) and os.access(v, os.X_OK)):
            print('bench: %s interpreter %s is not an executable' % (k, v), file=sys.stderr)
            return 2
    all_names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith('.py') and f != 'run.py')
    names = a.names or all_names
    unknown = [n for n in names if n not in all_names and n != 'startup']
    if unknown:
        print('bench: unknown benchmark(s): %s (have: %s)' % (', '.join(unknown), ', '.join(all_names)), file=sys.stderr)
        return 2
    jobs = [(n, [n + '.py']) for n in names if n != 'startup']
    if (not a.names and not a.no_startup) or 'startup' in a.names:
        jobs.append(('startup', ['-c', 'pass']))
    quiet = a.json
    log = (lambda *x: None) if quiet else (lambda *x: print(*x, flush=True))
    show = lambda p: os.path.relpath(p, REPO) if p.startswith(REPO + os.sep) else p
    log('bench: %d repetitions each, interleaved; cpython=%s pyxx=%s' % (a.reps, show(interps['cpython']), show(interps['pyxx'])))
    header = '%-18s %10s %10s %8s  %s' % ('benchmark', 'cpython', 'pyxx', 'ratio', '')
    log(header)
    log('-' * len(header))
    results = []
    failed = 0
    for name, args in jobs:
        times = {'cpython': [], 'pyxx': []}
        problem = ''
        ref_out = None
        for rep in range(a.reps):
            for side in ('cpython', 'pyxx'):
                r = run_once(interps[side], args, a.timeout)
                if r['status'] != 0:
                    problem = problem or '%s %s (exit %s) %s' % (side, r['note'] or 'failed', r['status'],
                                                                 r['err'].decode('utf-8', 'replace').strip().split('\n')[-1][:120])
                    continue
                if ref_out is None and side == 'cpython':
                    ref_out = r['out']
                if side == 'pyxx' and ref_out is not None and r['out'] != ref_out:
                    problem = problem or 'stdout differs: cpython %r, pyxx %r' % (ref_out[:60], r['out'][:60])
                times[side].append(r['wall'])
            if problem:
                break
        med = {s: (statistics.median(times[s]) if times[s] else None) for s in times}
        ratio = med['pyxx'] / med['cpython'] if not problem and med['pyxx'] and med['cpython'] else None
        status = 'FAIL: ' + problem if problem else ''
        if ratio is not None and a.max_ratio is not None and ratio > a.max_ratio and name != 'startup':
            status = 'ratio above %.2f' % a.max_ratio
        if status:
            failed += 1
        results.append({'name': name, 'cpython_median_s': med['cpython'], 'pyxx_median_s': med['pyxx'],
                        'ratio': ratio,
                        'cpython_times_s': times['cpython'], 'pyxx_times_s': times['pyxx'],
                        'in_geomean': name != 'startup', 'error': status or None})
        log('%-18s %10s %10s %8s  %s' % (
            name, fmt_time(med['cpython']), fmt_time(med['pyxx']), '-' if ratio is None else '%.2fx' % ratio,
            status + (' (not in geomean)' if name == 'startup' else '')))
    ratios = [r['ratio'] for r in results if r['in_geomean'] and r['ratio'] is not None]
    geo = math.exp(sum(math.log(x) for x in ratios) / len(ratios)) if ratios else None
    log('-' * len(header))
    log('geometric mean pyxx/cpython: %s over %d benchmark(s)%s' % (
        '-' if geo is None else '%.2fx' % geo, len(ratios), '; %d FAILED' % failed if failed else ''))
    if ratios:
        log('max ratio: %.2fx (%s)' % max((r['ratio'], r['name']) for r in results if r['in_geomean'] and r['ratio'] is not None))
    if a.json or a.json_out:
        doc = {'reps': a.reps, 'cpython': interps['cpython'], 'pyxx': interps['pyxx'],
               'geomean_ratio': geo, 'failed': failed, 'benchmarks': results}
        text = json.dumps(doc, indent=2)
        if a.json:
            print(text)
        if a.json_out:
            with open(a.json_out, 'w') as f:
                f.write(text + '\n')
            log('wrote %s' % a.json_out)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
