#!/usr/bin/env python3
"""Builds benchmark input from the project's own sample articles (Corpora/*.txt).

Never reads the evaluation data. Each record is one to four sample articles of the same language joined by a
blank line (a news article of 0.6–7 KB), in a fixed, seeded order, so that every run sees the same bytes.

    python3 Scripts/bench/make_corpus.py jsonl --mb 3 > /tmp/news-3mb.jsonl      # {"id", "text"} per line
    python3 Scripts/bench/make_corpus.py folder --count 600 /tmp/news-600        # 600 .txt files

Real news instead of the samples: --articles FILE takes the articles of a JSON Lines file (each record's "text",
or "article" as in OrangeSum), in file order, repeated until the size is reached. The file is read, never copied
into the repository:

    python3 Scripts/bench/make_corpus.py jsonl --mb 3 --articles ../shared/eval/data/summaries/orangesum-dev.jsonl
"""
import argparse
import json
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def articles():
    by_lang = {"fr": [], "en": []}
    for path in sorted((ROOT / "Corpora").glob("*.txt")):
        lang = "en" if path.name.startswith(("en-", "quotes-en-")) else "fr"
        by_lang[lang].append(path.read_text(encoding="utf-8").strip())
    return by_lang


def records(seed=7):
    """An endless, deterministic sequence of article texts (about 4 French for 1 English, as in French news)."""
    by_lang = articles()
    rng = random.Random(seed)
    while True:
        lang = "en" if rng.random() < 0.2 else "fr"
        pool = by_lang[lang]
        k = rng.randint(1, 4)
        yield "\n\n".join(rng.choice(pool) for _ in range(k))


def articles_of(path):
    """The articles of a JSON Lines file, in order, endlessly."""
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                text = record.get("text") or record.get("article")
                if text:
                    texts.append(text)
    if not texts:
        sys.exit(f"{path}: no record with \"text\" or \"article\"")
    while True:
        yield from texts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    j = sub.add_parser("jsonl", help="JSON Lines records on standard output")
    j.add_argument("--mb", type=float, help="stop after this many megabytes of text (10^6 bytes of UTF-8)")
    j.add_argument("--count", type=int, help="stop after this many records")
    j.add_argument("--articles", help="take the articles of this JSON Lines file (\"text\" or \"article\"), repeated")
    f = sub.add_parser("folder", help="one .txt file per article in FOLDER")
    f.add_argument("--count", type=int, required=True)
    f.add_argument("folder")
    args = ap.parse_args()

    gen = records() if getattr(args, "articles", None) is None else articles_of(args.articles)
    if args.mode == "jsonl":
        if args.mb is None and args.count is None:
            ap.error("give --mb or --count")
        limit = None if args.mb is None else int(args.mb * 1_000_000)
        total = 0
        n = 0
        out = sys.stdout
        while (limit is None or total < limit) and (args.count is None or n < args.count):
            text = next(gen)
            out.write(json.dumps({"id": f"a{n:07d}", "text": text}, ensure_ascii=False) + "\n")
            total += len(text.encode("utf-8"))
            n += 1
        print(f"{n} records, {total / 1e6:.2f} MB of text", file=sys.stderr)
    else:
        folder = pathlib.Path(args.folder)
        folder.mkdir(parents=True, exist_ok=True)
        total = 0
        for n in range(args.count):
            text = next(gen)
            (folder / f"a{n:05d}.txt").write_text(text + "\n", encoding="utf-8")
            total += len(text.encode("utf-8")) + 1
        print(f"{args.count} files, {total / 1e6:.2f} MB of text in {folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
