#!/usr/bin/env python3
"""Learns the French summary's sentence weights (Lexicons/fr/summary-model) from OrangeSum's train split.

The features are never computed here: the built binary writes them (`newsnlp summarize --explain --input-format
jsonl --format jsonl`, JSON `summary.candidates[].features`), so the model is trained on exactly the numbers the
summariser weighs at run time (and `summary.terms[].features`, the word features). This script only builds the targets
from the editors' abstract, fits the models and writes their weights.

    python3 Scripts/train-summary.py train --data /work/data-orangesum/train.jsonl \\
        --bin .build/release/newsnlp --work .eval/summary --out Lexicons/fr/summary-model
    python3 Scripts/train-summary.py check --bin .build/debug/newsnlp Corpora/fr-*.txt

`--data` is a JSON Lines file of OrangeSum train records {"id", "text" (the article), "abstract", "title"}: the
train split only (splits_heading_as_summary/train.txt of github:Tixierae/OrangeSum), never its validation or test
articles, which measure. Keep the data and the dumps outside the repository (`.eval/` is git-ignored).

Two models are fitted. The word model: for every term of an article (a content word's stem or a stop word, with
the `TermFeature`s the binary dumps in `summary.terms`), the number of times the abstract uses it (the abstract is
read by the binary too, so that its words fold and stem alike), fitted by Poisson regression. The sentence model: for
every candidate sentence, the share of its words the abstract uses (clipped unigram matches / words), fitted as a
logistic model with soft labels. The `words` choice (Summarizer.chooseWords) is simulated on held-out predictions to
pick the abstract length and the standing exponent of each summary length. Half of the articles (chosen with the
seed) are given their title as a first line, so that title features are learned while articles without a title (as
in the scorecard) are still read as such. Cross-validation: 5 folds over articles; the figures go into the header.

`check` runs the binary on articles, recomputes every candidate's score from the dumped features and the model file
and fails if any differs from the score the binary reports (the Swift/Python agreement test); it needs no package
beyond the standard library; it also checks every term's expected uses against the word model. `train` needs the
packages of Scripts/requirements-summary.txt.
"""
import argparse, json, math, os, random, re, subprocess, sys, time
from collections import Counter

SEED = 17
FOLDS = 5


# ---------------------------------------------------------------- the model file (read by both commands)

def read_model(path):
    """{key: {"bias": b, "redundancy": r, "weights": {feature: w}}} with key "default", "words" (the word model) or a
    number of sentences."""
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
            elif name == "choice" and current is not None:
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
    worst, checked, worst_words, checked_words = 0.0, 0, 0.0, 0
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
            words = models.get("words")
            for t in summary.get("terms", []) if words else []:
                if not t["features"]:
                    continue
                unknown = set(t["features"]) - set(words["weights"])
                if unknown:
                    sys.exit(f"check: {name}: word features the model does not know: {sorted(unknown)}")
                z = words["bias"] + sum(w * t["features"].get(f, 0.0) for f, w in words["weights"].items())
                # Features and means are written with 4 decimals: allow for that rounding (the mean is exp(z)).
                tolerance = 5.1e-5 + math.exp(z) * 6e-5 * sum(abs(w) for w in words["weights"].values())
                diff = abs(math.exp(z) - t["expected"])
                worst_words = max(worst_words, diff)
                checked_words += 1
                if diff > tolerance:
                    sys.exit(f"check: {name} term {t['text']!r}: binary expects {t['expected']}, model file gives {math.exp(z):.6f}")
            chosen = {c["sentence"]: c["score"] for c in summary.get("candidates", [])}
            for k, s in zip(summary["sentences"], summary["scores"]):
                if abs(chosen[k] - s) > 1e-4:
                    sys.exit(f"check: {name}: chosen sentence {k} has score {s}, its candidate {chosen[k]}")
    if checked == 0:
        sys.exit("check: no candidate sentence in the files")
    print(f"check: {checked} candidate scores agree (largest difference {worst:.2e}); {checked_words} term means agree "
          f"(largest difference {worst_words:.2e})")


# ---------------------------------------------------------------- train

def term_key(term):
    """A term as the abstract's dump names it: stop words apart from content stems."""
    return ("s" if term["features"].get("stop") else "c") + term["text"]


def compact(report, text):
    """The parts of a `summarize --explain` report that training reads, as plain lists."""
    s = report["summary"]
    cands = s.get("candidates") or []
    sents = report["sentences"]
    return {
        "features": [c["features"] for c in cands],
        "terms": [c["terms"] for c in cands],
        "texts": [text[sents[c["sentence"]]["start"]:sents[c["sentence"]]["end"]] for c in cands],
        "term_keys": [term_key(t) for t in s.get("terms", [])],
        "term_features": [t["features"] for t in s.get("terms", [])],
    }


def abstract_terms(binary, rows, jobs):
    """{id: Counter of term keys} of each abstract, read by the binary as an article (same folding and stems)."""
    out = {}
    for k in range(0, len(rows), 4000):
        reports = run_binary(binary, [(r["id"], r["abstract"]) for r in rows[k:k + 4000]], 3, jobs=jobs)
        for rid, rep in reports.items():
            s = rep["summary"]
            keys = [term_key(t) for t in s.get("terms", [])]
            counts = Counter()
            for c in s.get("candidates") or []:
                for t, n in c["terms"]:
                    counts[keys[t]] += n
            out[rid] = counts
    return out


def build_table(args):
    """Dumps sentence and term features with the binary and builds one record per article; cached in --work."""
    import pickle
    cache = os.path.join(args.work, f"terms-{os.path.basename(args.data)}-{args.limit}.pickle")
    if args.work and os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(args.bin):
        with open(cache, "rb") as f:
            return pickle.load(f)
    random.seed(SEED)
    rows = [json.loads(l) for l in open(args.data, encoding="utf-8") if l.strip()]
    if args.limit:
        rows = rows[:args.limit]
    with_title = set(r["id"] for r in rows if random.random() < 0.5)
    t0 = time.monotonic()
    targets = abstract_terms(args.bin, rows, args.jobs)
    docs = []
    for k in range(0, len(rows), 1000):
        part = rows[k:k + 1000]
        records = [(r["id"], (r["title"].strip() + "\n\n" if r["id"] in with_title else "") + r["text"]) for r in part]
        reports = run_binary(args.bin, records, 3, jobs=args.jobs)
        for r, (rid, text) in zip(part, records):
            d = compact(reports[rid], text)
            if not d["features"]:
                continue
            d["id"] = rid
            d["ref"] = rouge_tokens(r["abstract"])
            d["tokens"] = [rouge_tokens(t) for t in d.pop("texts")]
            d["target"] = [targets.get(rid, Counter()).get(key, 0) for key in d["term_keys"]]
            toks = d["tokens"]
            d["hits"] = []
            ref_counts = Counter(d["ref"])
            for t in toks:
                c = Counter(t)
                d["hits"].append(sum(min(c[w], n) for w, n in ref_counts.items()))
            docs.append(d)
        print(f"dumped {min(k + 1000, len(rows))} articles ({time.monotonic() - t0:.0f} s)", flush=True)
    dump_seconds = time.monotonic() - t0
    if args.work:
        os.makedirs(args.work, exist_ok=True)
        with open(cache, "wb") as f:
            pickle.dump((docs, dump_seconds), f)
    return docs, dump_seconds


def words_of(d):
    """The binary's word count of each candidate (the `words` feature is ln(1 + words))."""
    return [round(math.exp(f["words"]) - 1) for f in d["features"]]


TAIL_DEPTH = 6


def tails(means):
    """Per term: P(X ≥ j) for j = 1 … 6, X Poisson with the term's mean (as ExpectedMatches in Swift)."""
    out = []
    for lam in means:
        row, p, at_least = [], math.exp(-lam), 1.0
        for j in range(1, TAIL_DEPTH + 1):
            at_least -= p
            row.append(max(0.0, at_least))
            p *= lam / j
        out.append(row)
    return out


def select_words(d, means, prob, k, abstract, standing):
    """The summariser's `choice words` (Summarizer.chooseWords, without the near-duplicate rule)."""
    tail = tails(means)
    words = words_of(d)
    best_p = max(prob) if len(prob) else 1
    stand = [1.0 if standing == 0 or best_p <= 0 else (x / best_p) ** standing for x in prob]
    had = [0] * len(means)
    chosen, gained, total = [], 0.0, 0
    def gain(i):
        g = 0.0
        for t, c in d["terms"][i]:
            for j in range(had[t], min(had[t] + c, TAIL_DEPTH)):
                g += tail[t][j]
        return g
    while len(chosen) < min(k, len(prob)):
        best, best_value = None, -1.0
        for i in range(len(prob)):
            if i in chosen:
                continue
            v = 2 * (gained + gain(i) * stand[i]) / (total + words[i] + abstract)
            if v > best_value:
                best, best_value = i, v
        gained += gain(best) * stand[best]
        for t, c in d["terms"][best]:
            had[t] += c
        total += words[best]
        chosen.append(best)
    return sorted(chosen)


def score_summaries(docs, picks, k, rouge_l_too=True):
    """Mean ROUGE-1/2/L (×100) of the picked sentences and of LEAD-k."""
    ours, lead = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
    for d, pick in zip(docs, picks):
        for acc, chosen in ((ours, pick), (lead, list(range(min(k, len(d["tokens"])))))):
            hyp = [t for i in chosen for t in d["tokens"][i]]
            acc[0] += rouge_n(d["ref"], hyp, 1); acc[1] += rouge_n(d["ref"], hyp, 2)
            if rouge_l_too:
                acc[2] += rouge_l(d["ref"], hyp)
    n = max(len(docs), 1)
    return [round(100 * x / n, 2) for x in ours], [round(100 * x / n, 2) for x in lead]


def fold_of(docs):
    order = list(range(len(docs)))
    random.Random(SEED).shuffle(order)
    fold = [0] * len(docs)
    for pos, k in enumerate(order):
        fold[k] = pos % FOLDS
    return fold


def fit_sentences(np, docs, fold, C):
    """Sentence model: logistic, soft labels = the share of the sentence's words the abstract uses.
    Returns (names, held-out probabilities per doc, (bias, weights) on all)."""
    from sklearn.linear_model import LogisticRegression
    names = [n for n in docs[0]["features"][0].keys()]
    X = np.array([[f[n] for n in names] for d in docs for f in d["features"]], dtype=float)
    doc_of = np.array([k for k, d in enumerate(docs) for _ in d["features"]])
    hits = np.array([h for d in docs for h in d["hits"]], dtype=float)
    length = np.array([max(len(t), 1) for d in docs for t in d["tokens"]], dtype=float)
    hits = np.minimum(hits, length)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1
    Z = (X - mean) / scale
    rows_fold = np.array(fold)[doc_of]

    def fit(mask):
        m = LogisticRegression(C=C, max_iter=3000)
        m.fit(np.vstack([Z[mask], Z[mask]]), np.concatenate([np.ones(mask.sum()), np.zeros(mask.sum())]),
              sample_weight=np.concatenate([hits[mask], length[mask] - hits[mask]]))
        return m
    held = np.zeros(len(X))
    for f in range(FOLDS):
        held[rows_fold == f] = fit(rows_fold != f).predict_proba(Z[rows_fold == f])[:, 1]
    m = fit(np.ones(len(X), dtype=bool))
    w = m.coef_[0] / scale
    b = m.intercept_[0] - float((m.coef_[0] * mean / scale).sum())
    starts = np.concatenate([[0], np.cumsum([len(d["features"]) for d in docs])])
    return names, [held[starts[i]:starts[i + 1]] for i in range(len(docs))], (b, w)


def fit_words(np, docs, fold, alpha, max_rows):
    """Word model: Poisson regression of the abstract's uses of each term (terms the candidates use).
    Returns (names, held-out means per doc, (bias, weights) on all)."""
    from sklearn.linear_model import PoissonRegressor
    names = [n for n in TERM_FEATURES]
    used = [[t for t, f in enumerate(d["term_features"]) if f] for d in docs]
    X = np.array([[d["term_features"][t].get(n, 0.0) for n in names] for d, u in zip(docs, used) for t in u], dtype=float)
    y = np.array([min(d["target"][t], TAIL_DEPTH) for d, u in zip(docs, used) for t in u], dtype=float)
    doc_of = np.array([k for k, u in enumerate(used) for _ in u])
    rows_fold = np.array(fold)[doc_of]
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1
    Z = (X - mean) / scale
    rng = np.random.default_rng(SEED)

    def fit(mask):
        idx = np.flatnonzero(mask)
        if len(idx) > max_rows:
            idx = rng.choice(idx, max_rows, replace=False)
        return PoissonRegressor(alpha=alpha, max_iter=1000).fit(Z[idx], y[idx])
    held = np.zeros(len(X))
    for f in range(FOLDS):
        held[rows_fold == f] = fit(rows_fold != f).predict(Z[rows_fold == f])
    m = fit(np.ones(len(X), dtype=bool))
    w = m.coef_ / scale
    b = m.intercept_ - float((m.coef_ * mean / scale).sum())
    per_doc = []
    pos = 0
    for d, u in zip(docs, used):
        means = [0.0] * len(d["term_features"])
        for t in u:
            means[t] = float(held[pos]); pos += 1
        per_doc.append(means)
    deviance = float(np.mean(y * np.log(np.maximum(y, 1e-12) / held) - (y - held)) * 2)
    print(f"word model: {len(X)} term rows, held-out mean deviance {deviance:.4f} "
          f"(constant: {float(np.mean(y * np.log(np.maximum(y, 1e-12) / y.mean()) - (y - y.mean())) * 2):.4f})", flush=True)
    return names, per_doc, (b, w)


TERM_FEATURES = ["stop", "stop-uses", "stop-share", "stop-article", "sentences", "share", "single", "uses", "first",
                 "early", "lead-uses", "title", "name", "entity", "number", "length", "article"]


def command_train(args):
    import numpy as np
    t_start = time.monotonic()
    docs, dump_seconds = build_table(args)
    fold = fold_of(docs)
    names, sent_held, sent_fit = fit_sentences(np, docs, fold, args.C)
    print(f"sentence model fitted ({time.monotonic() - t_start:.0f} s)", flush=True)
    term_names, word_held, word_fit = fit_words(np, docs, fold, args.alpha, args.max_rows)
    print(f"word model fitted ({time.monotonic() - t_start:.0f} s)", flush=True)
    sample = sorted(random.Random(SEED).sample(range(len(docs)), min(args.rouge_sample, len(docs))))
    sdocs = [docs[i] for i in sample]
    chosen = {}
    for k in (1, 3):
        best = None
        for a in args.abstract_grid:
            for st in args.standing_grid:
                picks = [select_words(docs[i], word_held[i], sent_held[i], k, a, st) for i in sample]
                ours, _ = score_summaries(sdocs, picks, k, rouge_l_too=False)
                print(f"{k} sentence(s), abstract {a:g}, standing {st:g}: held-out ROUGE-1/2 {ours[0]}/{ours[1]}", flush=True)
                if best is None or ours[0] + ours[1] > best[0]:
                    best = (ours[0] + ours[1], a, st)
        chosen[k] = best[1:]
    report = {}
    for k in (1, 3):
        a, st = chosen[k]
        picks = [select_words(docs[i], word_held[i], sent_held[i], k, a, st) for i in sample]
        ours, lead = score_summaries(sdocs, picks, k)
        report[k] = (ours, lead)
        print(f"{k} sentence(s): held-out ROUGE-1/2/L {ours} vs LEAD-{k} {lead} ({len(sample)} articles; abstract {a:g}, "
              f"standing {st:g})", flush=True)
    total = time.monotonic() - t_start
    write_model(args, names, sent_fit, term_names, word_fit, chosen, report, len(docs),
                sum(len(d["features"]) for d in docs), dump_seconds, total)


def write_model(args, names, fitted, term_names, word_fit, chosen, report, ndocs, nsents, dump_seconds, total):
    lines = [
        "# The learned French extractive summary: a word model that estimates how many times the editors' abstract",
        "# uses each term of the article (Poisson regression), and a sentence model (logistic) that estimates the share",
        "# of a sentence's words the abstract uses; sentences are chosen to raise the expected ROUGE-1 F-measure.",
        "# Data: OrangeSum, train split only (splits_heading_as_summary/train.txt; Kamal Eddine, Tixier and",
        "# Vazirgiannis 2020, github:Tixierae/OrangeSum): French news articles (Orange Actu) with their editors' abstracts.",
        "# Licence of the data: CC BY-SA 4.0; these weights are derived from it (see NOTICE).",
        f"# Made by Scripts/train-summary.py (seed {SEED}, C={args.C}, alpha={args.alpha}) from {ndocs} articles,",
        f"# {nsents} candidate sentences; features dumped by `newsnlp summarize --explain` ({dump_seconds:.0f} s), {total:.0f} s in all.",
        f"# Cross-validation ({FOLDS} folds over articles; ROUGE ×100 of held-out predictions on {args.rouge_sample} articles,",
        "# choice as in the summariser without the near-duplicate rule):",
    ]
    for k, (ours, lead) in report.items():
        lines.append(f"#   {k} sentence(s): ROUGE-1/2/L {ours[0]}/{ours[1]}/{ours[2]} vs LEAD-{k} {lead[0]}/{lead[1]}/{lead[2]} "
                     f"(choice words, abstract {chosen[k][0]:g}, standing {chosen[k][1]:g})")
    if "coverage" in (args.choice, args.choice_1):
        lines.append("# Sets with choice coverage (the hand salience with the learned standing) cannot be simulated here: the")
        lines.append("# figures above are those of choice words; compare the two with ../shared/eval/scorecard.py on train articles.")
    lines.append("# Format: Lexicons/FORMAT.md (summary-model). Columns: name<TAB>value.")
    b, w = word_fit
    lines.append("model\twords")
    lines.append(f"bias\t{b:.6f}")
    for n, x in zip(term_names, w):
        lines.append(f"{n}\t{x:.6f}")
    b, w = fitted
    for key, k, choice in (("default", 3, args.choice), ("1", 1, args.choice_1)):
        a, st = chosen[k] if choice == "words" else (args.coverage_abstract, args.coverage_standing)
        lines.append(f"model\t{key}")
        lines.append(f"choice\t{choice}")
        lines.append(f"abstract\t{a:g}")
        lines.append(f"standing\t{st:g}")
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
    t.add_argument("--alpha", type=float, default=1e-4, help="word model: L2 penalty of the Poisson regression")
    t.add_argument("--max-rows", type=int, default=1500000, help="word model: at most this many term rows per fit")
    t.add_argument("--choice", default="words", choices=["words", "coverage"], help="choice of the default set (2+ sentences)")
    t.add_argument("--choice-1", default="words", choices=["words", "coverage"], help="choice of one-sentence summaries")
    t.add_argument("--coverage-abstract", type=float, default=35, help="`coverage` choice: abstract words")
    t.add_argument("--coverage-standing", type=float, default=1.0, help="`coverage` choice: exponent of the standing")
    t.add_argument("--abstract-grid", type=float, nargs="+", default=[15, 25, 35, 50])
    t.add_argument("--standing-grid", type=float, nargs="+", default=[0, 0.5, 1, 2])
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
