#!/usr/bin/env python3
"""Article extraction from HTML pages: newsnlp beside trafilatura on the same pages, in one run.

    pip install trafilatura        # not a dependency of newsnlp; only this script needs it
    python3 Scripts/bench/html_compare.py ../shared/eval/data/html-dev [--bin .build/release/newsnlp]

DIR holds KEY.html.gz pages and ground-truth.json ({KEY: {"articleBody": …}}), as the scorecard's `html` task
reads them. Both tools are scored exactly as `scorecard.py html` scores newsnlp (word 4-gram precision and recall
per page, averaged; its `_shingles` is imported from the scorecard). trafilatura runs with its defaults
(`trafilatura.extract(html)`: no comments, no tables off, precision/recall balanced).

Speed, in CPU seconds on one core (the machine may be shared): trafilatura is timed in-process over `extract`
only; newsnlp as `newsnlp batch --task summarize --jobs 1` over the pages saved as .html (one process: read,
extract, analyse, write) and over the same articles saved as .txt (the analysis alone), so that the difference is
the extraction's share.
"""
import argparse, gzip, json, os, pathlib, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
from scorecard import _shingles  # noqa: E402


def score(pairs):
    ps, rs = [], []
    for gold, got in pairs:
        a, b = _shingles(gold), _shingles(got)
        tp = sum(min(a[x], b[x]) for x in a); fp = sum(b.values()) - tp; fn = sum(a.values()) - tp
        if fp == fn == 0:
            ps.append(1.0); rs.append(1.0); continue
        if tp + fp: ps.append(tp / (tp + fp))
        if tp + fn: rs.append(tp / (tp + fn))
    P = sum(ps) / len(ps); R = sum(rs) / len(rs)
    return 2 * P * R / (P + R), P, R


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--bin", default=str(ROOT / ".build/release/newsnlp"))
    args = ap.parse_args()
    import trafilatura

    truth = json.load(open(os.path.join(args.data, "ground-truth.json"), encoding="utf-8"))
    keys = sorted(truth)
    pages = {k: gzip.open(os.path.join(args.data, k + ".html.gz")).read() for k in keys}
    mb = sum(len(p) for p in pages.values()) / 1e6

    t0 = time.process_time()
    traf = {k: trafilatura.extract(pages[k]) or "" for k in keys}
    traf_s = time.process_time() - t0

    tmp = pathlib.Path(tempfile.mkdtemp())
    (tmp / "html").mkdir(); (tmp / "txt").mkdir()
    ours = {}
    for k in keys:
        (tmp / "html" / (k + ".html")).write_bytes(pages[k])
        r = subprocess.run([args.bin, "extract", "--format", "json", str(tmp / "html" / (k + ".html"))], capture_output=True)
        ours[k] = json.loads(r.stdout)["text"] if r.returncode == 0 else ""
        r = subprocess.run([args.bin, "extract", str(tmp / "html" / (k + ".html"))], capture_output=True)
        (tmp / "txt" / (k + ".txt")).write_bytes(r.stdout)

    def batch(folder):
        # CPU time of the child (user + system): the machine may be shared, wall-clock time is not the tool's.
        before = os.times()
        subprocess.run([args.bin, "batch", str(folder), "--task", "summarize", "--jobs", "1", "--out", str(tmp / "out.jsonl")],
                       capture_output=True)
        after = os.times()
        return (after.children_user - before.children_user) + (after.children_system - before.children_system)

    html_s, txt_s = batch(tmp / "html"), batch(tmp / "txt")
    n = len(keys)
    for name, got in (("newsnlp", ours), ("trafilatura " + trafilatura.__version__, traf)):
        f, p, r = score([(truth[k].get("articleBody", ""), got[k]) for k in keys])
        print(f"{name:<20} F1 {f:.3f}  precision {p:.3f}  recall {r:.3f}  on {n} pages")
    print(f"trafilatura extract:                 {n / traf_s:7.1f} pages/s  ({mb / traf_s:.2f} MB/s of HTML, CPU time)")
    print(f"newsnlp batch, pages (extract+summarize): {n / html_s:7.1f} pages/s  ({html_s:.2f} s CPU)")
    print(f"newsnlp batch, extracted text (summarize): {n / txt_s:7.1f} pages/s  ({txt_s:.2f} s CPU)")
    extraction = max(html_s - txt_s, 1e-9)
    print(f"newsnlp extraction alone (difference):   {n / extraction:7.1f} pages/s  ({mb / extraction:.2f} MB/s of HTML)")


if __name__ == "__main__":
    main()
