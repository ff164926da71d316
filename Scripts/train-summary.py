#!/usr/bin/env python3
"""Learns the French summary's sentence weights (Lexicons/fr/summary-model) from OrangeSum's train split.

The features are never computed here: the built binary writes them (`newsnlp summarize --explain --input-format
jsonl --format jsonl`, JSON `summary.candidates[].features`), so the model is trained on exactly the numbers the
summariser weighs at run time. This script only builds each sentence's target from the editors' abstract, fits a
logistic model per summary length and writes its weights.

    python3 Scripts/train-summary.py train --data /work/data-orangesum/train.jsonl \\
        --bin .build/release/newsnlp --work .eval/summary --out Lexicons/fr/summary-model
    python3 Scripts/train-summary.py check --bin .build/debug/newsnlp Corpora/fr-*.txt

`--data` is a JSON Lines file of OrangeSum train records {"id", "text" (the article), "abstract", "title"}: the
train split only (splits_heading_as_summary/train.txt of github:Tixierae/OrangeSum), never its validation or test
articles, which measure. Keep the data and the dumps outside the repository (`.eval/` is git-ignored).

Targets: for the one-sentence model, the sentence whose ROUGE-1 + ROUGE-2 F-measure against the abstract is the
highest; for the default (three-sentence) model, membership in the greedy oracle (sentences added while they raise
ROUGE-1 + ROUGE-2 of the summary, at most three). Half of the articles (chosen with the seed) are given their title
as a first line, so that the title features are learned while articles without a title (as in the scorecard) are
still read as such. Cross-validation: 5 folds over articles; the figures are written into the model's header.

`check` runs the binary on articles, recomputes every candidate's score from the dumped features and the model file
and fails if any differs from the score the binary reports (the Swift/Python agreement test); it needs no package
beyond the standard library. `train` needs the packages of Scripts/requirements-summary.txt.
"""
import argparse, json, math, os, random, re, subprocess, sys, time
from collections import Counter

SEED = 17
FOLDS = 5


# ---------------------------------------------------------------- the model file (read by both commands)

def read_model(path):
    """{key: {"bias": b, "redundancy": r, "weights": {feature: w}}} with key "default" or a number of sentences."""
    models, current = {}, None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 2:
                sys.exit(f"{path}: line {n}: expected 2 tab-separated fields")
            name, value = fields[0].strip(), fields[1].strip()
            if name == "model":
                current = models.setdefault(value, {"bias": 0.0, "redundancy": 0.0, "abstract": 0.0, "weights": {}})
            elif name == "choice":
                current[name] = value
            elif name in ("bias", "redundancy", "abstract", "standing"):
                current[name] = float(value)
            else:
                current["weights"][name] = float(value)
    return models


def weights_for(models, sentences):
    return models.get(str(sentences), models["default"])


def logit(model, features):
    return model["bias"] + sum(w * features.get(f, 0.0) for f, w in model["weights"].items())


def sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


# ---------------------------------------------------------------- running the binary

def run_binary(binary, records, sentences, jobs=2):
    """records: [(id, text)] → {id: report} from `summarize --explain` in JSON Lines mode."""
    payload = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in records).encode("utf-8")
    cmd = [binary, "summarize", "--input-format", "jsonl", "--format", "jsonl", "--explain",
           "--sentences", str(sentences), "--jobs", str(jobs), "--offsets", "scalar"]
    proc = subprocess.run(cmd, input=payload, capture_output=True)
    if proc.returncode != 0:
        sys.exit(f"train-summary: {' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    out = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        r = json.loads(line)
        out[r.get("id")] = r
    return out


# ---------------------------------------------------------------- ROUGE (as ../shared/eval/scorecard.py computes it)

def rouge_tokens(s):
    return re.findall(r"\w+", s.casefold())


def ngrams(toks, n):
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def f1(overlap, npred, ngold):
    p = overlap / npred if npred else 0.0
    r = overlap / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def rouge_n(ref, hyp, n):
    r, h = ngrams(ref, n), ngrams(hyp, n)
    return f1(sum((r & h).values()), sum(h.values()), sum(r.values()))


def rouge_l(ref, hyp):
    prev = [0] * (len(hyp) + 1)
    for x in ref:
        cur = [0]
        for j, y in enumerate(hyp):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return f1(prev[-1], len(hyp), len(ref))


# ---------------------------------------------------------------- check: Swift and Python agree

def command_check(args):
    models = read_model(args.model)
    records = [(p, open(p, encoding="utf-8").read()) for p in args.files]
    worst, checked = 0.0, 0
    for sentences in (1, 3):
        model = weights_for(models, sentences)
        reports = run_binary(args.bin, records, sentences, jobs=1)
        for name, _ in records:
            summary = reports[name]["summary"]
            for c in summary.get("candidates", []):
                unknown = set(c["features"]) ^ set(model["weights"])
                if unknown:
                    sys.exit(f"check: {name}: features of the binary and of the model differ: {sorted(unknown)}")
                # Features are written with 4 decimals: allow for that rounding in the logit.
                tolerance = 1e-4 + 5e-5 * sum(abs(w) for w in model["weights"].values())
                diff = abs(sigmoid(logit(model, c["features"])) - c["score"])
                worst = max(worst, diff)
                checked += 1
                if diff > tolerance:
                    sys.exit(f"check: {name} sentence {c['sentence']}: binary score {c['score']}, "
                             f"model file gives {sigmoid(logit(model, c['features'])):.6f}")
            chosen = {c["sentence"]: c["score"] for c in summary.get("candidates", [])}
            for k, s in zip(summary["sentences"], summary["scores"]):
                if abs(chosen[k] - s) > 1e-4:
                    sys.exit(f"check: {name}: chosen sentence {k} has score {s}, its candidate {chosen[k]}")
    if checked == 0:
        sys.exit("check: no candidate sentence in the files")
    print(f"check: {checked} candidate scores agree (largest difference {worst:.2e})")


# ---------------------------------------------------------------- train

def oracle(sent_tokens, ref, limit=3):
    """Greedy oracle: sentence indices added while they raise ROUGE-1 + ROUGE-2 F."""
    chosen, best, summary = [], 0.0, []
    while len(chosen) < limit:
        pick, pick_value = None, best
        for i, toks in enumerate(sent_tokens):
            if i in chosen:
                continue
            hyp = [t for j in sorted(chosen + [i]) for t in sent_tokens[j]]
            v = rouge_n(ref, hyp, 1) + rouge_n(ref, hyp, 2)
            if v > pick_value + 1e-9:
                pick, pick_value = i, v
        if pick is None:
            break
        chosen.append(pick)
        best = pick_value
    return set(chosen)


def build_table(args):
    """Dumps the features with the binary and builds (doc, features, targets, texts) rows; cached in --work."""
    cache = os.path.join(args.work, f"table-{os.path.basename(args.data)}-{args.limit}.json")
    if args.work and os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(args.bin):
        with open(cache) as f:
            saved = json.load(f)
        for d in saved["docs"]:
            d["oracle"] = set(d["oracle"])
        return saved["docs"], saved["dump_seconds"]
    random.seed(SEED)
    rows = [json.loads(l) for l in open(args.data, encoding="utf-8") if l.strip()]
    if args.limit:
        rows = rows[:args.limit]
    with_title = set(r["id"] for r in rows if random.random() < 0.5)
    records = [(r["id"], (r["title"].strip() + "\n\n" if r["id"] in with_title else "") + r["text"]) for r in rows]
    t0 = time.monotonic()
    reports = {}
    for k in range(0, len(records), 2000):
        reports.update(run_binary(args.bin, records[k:k + 2000], 3, jobs=args.jobs))
    dump_seconds = time.monotonic() - t0
    docs = []
    for r, (rid, text) in zip(rows, records):
        rep = reports[rid]
        cands = rep["summary"].get("candidates") or []
        if not cands:
            continue
        sents = rep["sentences"]
        texts = [text[sents[c["sentence"]]["start"]:sents[c["sentence"]]["end"]] for c in cands]
        toks = [rouge_tokens(t) for t in texts]
        ref = rouge_tokens(r["abstract"])
        single = [rouge_n(ref, t, 1) + rouge_n(ref, t, 2) for t in toks]
        best = max(range(len(toks)), key=lambda i: single[i])
        orc = oracle(toks, ref)
        hits = []
        for t in toks:
            c = Counter(t)
            hits.append(sum(min(c[w], n) for w, n in Counter(ref).items()))
        position = {c["sentence"]: i for i, c in enumerate(cands)}
        docs.append({"id": rid, "features": [c["features"] for c in cands], "tokens": toks, "ref": ref,
                     "best": best, "oracle": orc, "hits": hits,
                     "binary": [position[k] for k in rep["summary"]["sentences"]]})
    if args.work:
        os.makedirs(args.work, exist_ok=True)
        with open(cache, "w") as f:
            json.dump({"docs": [dict(d, oracle=sorted(d["oracle"])) for d in docs], "dump_seconds": dump_seconds}, f)
    return docs, dump_seconds


def words_of(d):
    """The binary's word count of each candidate (the `words` feature is ln(1 + words))."""
    return [round(math.exp(f["words"]) - 1) for f in d["features"]]


def select(p, words, k, abstract):
    """The summariser's choice (Summarizer.greedy with a learned model, without redundancy): sentences added one
    at a time, each the one that most raises the expected F-measure 2·Σ p·words / (Σ words + abstract)."""
    chosen, gained, total = [], 0.0, 0
    while len(chosen) < min(k, len(p)):
        best, best_value = None, -1.0
        for i in range(len(p)):
            if i in chosen:
                continue
            v = 2 * (gained + p[i] * words[i]) / (total + words[i] + abstract)
            if v > best_value:
                best, best_value = i, v
        chosen.append(best)
        gained += p[best] * words[best]
        total += words[best]
    return sorted(chosen)


def simulate(docs, probabilities, k, abstract, rouge_l_too=True):
    """Mean ROUGE-1/2/L (×100) of the chosen sentences and of LEAD-k."""
    ours, lead = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
    for d, p in zip(docs, probabilities):
        pick = select(p, words_of(d), k, abstract)
        for acc, chosen in ((ours, pick), (lead, list(range(min(k, len(p)))))):
            hyp = [t for i in chosen for t in d["tokens"][i]]
            acc[0] += rouge_n(d["ref"], hyp, 1); acc[1] += rouge_n(d["ref"], hyp, 2)
            if rouge_l_too:
                acc[2] += rouge_l(d["ref"], hyp)
    n = max(len(docs), 1)
    return [round(100 * x / n, 2) for x in ours], [round(100 * x / n, 2) for x in lead]


def command_train(args):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    t_start = time.monotonic()
    docs, dump_seconds = build_table(args)
    names = list(docs[0]["features"][0].keys())
    X = np.array([[f[n] for n in names] for d in docs for f in d["features"]], dtype=float)
    doc_of = np.array([k for k, d in enumerate(docs) for _ in d["features"]])
    # Target: the share of the sentence's words that the abstract uses (clipped unigram matches / words), fitted
    # as a logistic model with soft labels (each sentence twice: as a positive weighted by its matches, as a
    # negative weighted by its other words).
    hits = np.array([h for d in docs for h in d["hits"]], dtype=float)
    length = np.array([max(len(t), 1) for d in docs for t in d["tokens"]], dtype=float)
    hits = np.minimum(hits, length)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1
    Z = (X - mean) / scale
    order = list(range(len(docs)))
    random.Random(SEED).shuffle(order)
    fold_of_doc = np.empty(len(docs), dtype=int)
    for pos, k in enumerate(order):
        fold_of_doc[k] = pos % FOLDS
    fold = fold_of_doc[doc_of]

    def fit(mask):
        m = LogisticRegression(C=args.C, max_iter=3000)
        m.fit(np.vstack([Z[mask], Z[mask]]), np.concatenate([np.ones(mask.sum()), np.zeros(mask.sum())]),
              sample_weight=np.concatenate([hits[mask], length[mask] - hits[mask]]))
        return m

    held = np.zeros(len(X))
    for f in range(FOLDS):
        held[fold == f] = fit(fold != f).predict_proba(Z[fold == f])[:, 1]
    starts = np.concatenate([[0], np.cumsum([len(d["features"]) for d in docs])])
    per_doc = [held[starts[i]:starts[i + 1]] for i in range(len(docs))]
    sample = sorted(random.Random(SEED).sample(range(len(docs)), min(args.rouge_sample, len(docs))))
    # The abstract length the choice aims at: the one that gives the best held-out ROUGE-1 (mean of 1 and 3 sentences).
    abstract_words, best = 35.0, -1.0
    for a in args.abstract_grid:
        r1 = sum(simulate([docs[i] for i in sample], [per_doc[i] for i in sample], k, a, rouge_l_too=False)[0][0] for k in (1, 3))
        print(f"abstract {a}: held-out ROUGE-1 (1 + 3 sentences) {r1:.2f}", flush=True)
        if r1 > best:
            abstract_words, best = a, r1
    report = {}
    for k in (1, 3):
        ours, lead = simulate([docs[i] for i in sample], [per_doc[i] for i in sample], k, abstract_words)
        report[k] = (ours, lead)
        print(f"{k} sentence(s): held-out ROUGE-1/2/L {ours} vs LEAD-{k} {lead} ({len(sample)} articles)", flush=True)
    m = fit(np.ones(len(X), dtype=bool))
    w = m.coef_[0] / scale
    b = m.intercept_[0] - float((m.coef_[0] * mean / scale).sum())
    total = time.monotonic() - t_start
    write_model(args, names, (b, w), abstract_words, report, len(docs), len(X), dump_seconds, total)


def write_model(args, names, fitted, abstract_words, report, ndocs, nsents, dump_seconds, total):
    lines = [
        "# Sentence weights of the French extractive summary: a logistic model over the summary's sentence features",
        "# that estimates the share of a sentence's words the editors' abstract uses.",
        "# Data: OrangeSum, train split only (splits_heading_as_summary/train.txt; Kamal Eddine, Tixier and",
        "# Vazirgiannis 2020, github:Tixierae/OrangeSum): French news articles (Orange Actu) with their editors' abstracts.",
        "# Licence of the data: CC BY-SA 4.0; these weights are derived from it (see NOTICE).",
        f"# Made by Scripts/train-summary.py (seed {SEED}, C={args.C}) from {ndocs} articles, {nsents} candidate sentences;",
        f"# features dumped by `newsnlp summarize --explain` ({dump_seconds:.0f} s), {total:.0f} s in all.",
        f"# Cross-validation ({FOLDS} folds over articles; ROUGE ×100 of held-out predictions on {args.rouge_sample} articles,",
        "# choice as in the summariser without redundancy control):",
    ]
    for k, (ours, lead) in report.items():
        lines.append(f"#   {k} sentence(s): ROUGE-1/2/L {ours[0]}/{ours[1]}/{ours[2]} vs LEAD-{k} {lead[0]}/{lead[1]}/{lead[2]}")
    lines.append("# Format: Lexicons/FORMAT.md (summary-model). Columns: name<TAB>value.")
    b, w = fitted
    # One set of feature weights; the way the scores choose sentences differs with the summary's length.
    for key, choice in (("default", args.choice), ("1", args.choice_1)):
        lines.append(f"model\t{key}")
        lines.append(f"choice\t{choice}")
        lines.append(f"abstract\t{abstract_words if choice == 'score' else args.coverage_abstract:g}")
        if choice == "coverage":
            lines.append(f"standing\t{args.standing:g}")
        else:
            lines.append(f"redundancy\t{args.redundancy:g}")
        lines.append(f"bias\t{b:.6f}")
        for n, x in zip(names, w):
            lines.append(f"{n}\t{x:.6f}")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.out} ({total:.0f} s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train")
    t.add_argument("--data", required=True)
    t.add_argument("--bin", default=".build/release/newsnlp")
    t.add_argument("--out", default="Lexicons/fr/summary-model")
    t.add_argument("--limit", type=int, default=0)
    t.add_argument("--jobs", type=int, default=2)
    t.add_argument("--C", type=float, default=1.0)
    t.add_argument("--redundancy", type=float, default=0.5, help="`score` choice: redundancy penalty")
    t.add_argument("--choice", default="coverage", choices=["coverage", "score"], help="choice of summaries of 2+ sentences")
    t.add_argument("--choice-1", default="score", choices=["coverage", "score"], help="choice of one-sentence summaries")
    t.add_argument("--standing", type=float, default=1.0, help="`coverage` choice: exponent of the standing")
    t.add_argument("--coverage-abstract", type=float, default=35, help="`coverage` choice: abstract words")
    t.add_argument("--abstract-grid", type=float, nargs="+", default=[20, 30, 40, 50])
    t.add_argument("--work", default=".eval/summary")
    t.add_argument("--rouge-sample", type=int, default=3000)
    c = sub.add_parser("check")
    c.add_argument("--bin", default=".build/debug/newsnlp")
    c.add_argument("--model", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Lexicons", "fr", "summary-model"))
    c.add_argument("files", nargs="+")
    args = ap.parse_args()
    {"train": command_train, "check": command_check}[args.command](args)


if __name__ == "__main__":
    main()
