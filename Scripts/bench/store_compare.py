#!/usr/bin/env python3
"""`newsnlp batch` into a SQLite store against JSON Lines, on the same folder, in one run.

    python3 Scripts/bench/make_corpus.py folder --count 1000 /tmp/news-1k
    python3 Scripts/bench/store_compare.py /tmp/news-1k [--runs 7] [--jobs 2] [--bin .build/release/newsnlp ...]

Each run is `newsnlp batch DIR --task analyze --out OUT` with OUT a fresh .jsonl or .sqlite file (the files of
the previous run are removed first). The configurations are run alternately, round after round, so that a change
in the machine's load touches them alike; for each one the best and the median wall-clock time, and the user and
system CPU time of the run with the best wall time, are printed, with the load average before and after. Several
`--bin` compare builds. The ratio of the two times of each round (run one after the other) is the steadiest
figure on a shared machine; its median is printed too.
"""
import argparse, os, pathlib, resource, statistics, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(binary, folder, out, jobs):
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(out + suffix)
        except FileNotFoundError:
            pass
    args = [binary, "batch", folder, "--task", "analyze", "--out", out]
    if jobs:
        args += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=0, help="--jobs for batch (default: batch's own, the cores)")
    ap.add_argument("--bin", action="append", help="newsnlp binaries (default: .build/release/newsnlp)")
    ap.add_argument("--scratch", default="/tmp/newsnlp-store-compare")
    args = ap.parse_args()
    binaries = args.bin or [str(ROOT / ".build/release/newsnlp")]
    configs = [(b, ext) for b in binaries for ext in ("jsonl", "sqlite")]
    times = {c: [] for c in configs}
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for _ in range(args.runs):
        for c in configs:
            times[c].append(run(c[0], args.folder, f"{args.scratch}.{c[1]}", args.jobs))
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    reference = {}
    for b, ext in configs:
        t = times[(b, ext)]
        best = min(t)
        median = statistics.median(x[0] for x in t)
        line = f"{b} {ext:6s} best {best[0]:.2f} s wall ({best[1]:.2f} s user, {best[2]:.2f} s sys), median {median:.2f} s"
        if ext == "jsonl":
            reference[b] = (best[0], median)
        else:
            j = reference[b]
            paired = statistics.median(s[0] / r[0] for s, r in zip(t, times[(b, "jsonl")]))
            line += (f"  → SQLite/JSON Lines: best {100 * (best[0] / j[0] - 1):+.0f}%, median {100 * (median / j[1] - 1):+.0f}%,"
                     f" median of the rounds' ratios {100 * (paired - 1):+.0f}%")
        print(line)
    for b, ext in configs:
        print(f"  {b} {ext:6s} all walls: {' '.join(f'{x[0]:.2f}' for x in times[(b, ext)])}")


if __name__ == "__main__":
    main()
