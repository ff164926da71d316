#!/usr/bin/env python3
"""newsnlp as a stage of Apache Spark: `RDD.pipe` over the binary's JSON Lines mode.

Reads every *.txt and *.md file under a corpus folder as one record {"id": path, "text": …} (each file
`--repeat` times, ids made unique), adds a few deliberately broken records, ships the binary to the executors
with `SparkContext.addFile`, pipes every partition through

    newsnlp analyze --input-format jsonl --format jsonl

and checks that every record came back: as many lines out as in, the same ids in the same order, a report for
every good record and an error line for each deliberately broken one, and nothing else.

    pip install pyspark                                    # Java 17 must be on the PATH
    swift build -c release
    python3 Scripts/spark/run_pipe.py Corpora --repeat 200 --partitions 8 --master 'local[2]'

Exit status 0 when every check passes. pyspark is not a dependency of newsnlp or of its tests.
"""
import argparse
import json
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Lines that are not good records, with what newsnlp must answer: (line, id expected in the error line).
BROKEN = [
    ("this line is not JSON", None),
    (json.dumps({"id": "broken-no-text", "title": "a record without text"}), "broken-no-text"),
    (json.dumps({"id": "broken-text-number", "text": 42}), "broken-text-number"),
]


def records(folder, repeat):
    files = sorted(p for p in pathlib.Path(folder).rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    if not files:
        sys.exit(f"run_pipe: no *.txt or *.md file under {folder}")
    out = []
    for k in range(repeat):
        for p in files:
            rid = str(p.relative_to(folder)) + (f"#{k}" if repeat > 1 else "")
            out.append((json.dumps({"id": rid, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False), rid))
    # Spread the broken lines through the input.
    for i, b in enumerate(BROKEN):
        out.insert((i + 1) * len(out) // (len(BROKEN) + 1), b)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(ROOT / "Corpora"))
    ap.add_argument("--bin", default=str(ROOT / ".build/release/newsnlp"), help="the newsnlp binary to ship")
    ap.add_argument("--repeat", type=int, default=100, help="read each file this many times (default 100)")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    ap.add_argument("--cluster", action="store_true",
                    help="executors run the shipped copy from their working folder (./newsnlp), as on YARN or Kubernetes")
    ap.add_argument("--output", help="also save the reports as text files in this folder (saveAsTextFile)")
    args = ap.parse_args()

    binary = pathlib.Path(args.bin).resolve()
    if not os.access(binary, os.X_OK):
        sys.exit(f"run_pipe: {binary} is not an executable: build it with `swift build -c release`")
    inputs = records(args.folder, args.repeat)

    if args.master.startswith("local"):
        # Local mode stays on the loopback interface.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext, SparkFiles

    conf = (SparkConf().setAppName("newsnlp-pipe").setMaster(args.master)
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"))
    if args.master.startswith("local"):
        conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        sc.addFile(str(binary))
        # Local mode: executors share the driver's SparkFiles folder. On a cluster, --files/addFile put the binary
        # in each executor's working folder.
        command = f"./{binary.name}" if args.cluster else SparkFiles.get(binary.name)
        pipe = f"{command} analyze --input-format jsonl --format jsonl"

        t0 = time.perf_counter()
        rdd = sc.parallelize([line for line, _ in inputs], args.partitions)
        reports = rdd.pipe(pipe, checkCode=True)
        if args.output:
            reports.cache()
            reports.saveAsTextFile(args.output)
        out = reports.collect()
        elapsed = time.perf_counter() - t0
    finally:
        sc.stop()

    problems = []
    if len(out) != len(inputs):
        problems.append(f"{len(inputs)} records in, {len(out)} lines out")
    broken = {line for line, _ in BROKEN}
    reports_ok = errors_expected = 0
    for i, ((line, rid), got) in enumerate(zip(inputs, out)):
        try:
            report = json.loads(got)
        except ValueError:
            problems.append(f"line {i + 1}: not JSON: {got[:80]!r}")
            continue
        if report.get("id") != rid:
            problems.append(f"line {i + 1}: id {report.get('id')!r}, expected {rid!r}")
        if line in broken:
            if "error" not in report:
                problems.append(f"line {i + 1}: a broken record came back without an error")
            else:
                errors_expected += 1
        elif "error" in report:
            problems.append(f"line {i + 1}: unexpected error for {rid!r}: {report['error']}")
        elif report.get("schemaVersion") != 1 or not isinstance(report.get("sentences"), list):
            problems.append(f"line {i + 1}: not a report of schema version 1")
        else:
            reports_ok += 1
    mb = sum(len(line.encode("utf-8")) for line, _ in inputs) / 1e6
    print(f"spark {args.master}: {len(inputs)} records ({mb:.2f} MB of JSON Lines) in {args.partitions} partitions, "
          f"{len(out)} lines back in {elapsed:.2f} s: {reports_ok} reports, {errors_expected} error lines "
          f"for the {len(BROKEN)} deliberately broken records")
    for p in problems[:20]:
        print("FAIL:", p)
    if problems:
        print(f"FAILED: {len(problems)} problems")
        return 1
    print("PASSED: every record came back, in order, with its id")
    return 0


if __name__ == "__main__":
    sys.exit(main())
