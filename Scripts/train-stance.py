#!/usr/bin/env python3
"""Trains the English target-stance model (Lexicons/en/stance-model) on NewsMTSC and measures it.

    pip install -r Scripts/train-stance.requirements.txt
    python3 Scripts/train-stance.py [NEWSMTSC_TRAIN_JSONL] [--write]
    python3 Scripts/train-stance.py --golden     # the agreement golden file of the Swift test

NEWSMTSC_TRAIN_JSONL defaults to ../shared/eval/data/stance-en/newsmtsc-train.jsonl (NewsMTSC, fhamborg/NewsMTSC,
MIT licence). Without --write it only prints the figures.

Split (fixed, by position in the file, which is sorted by sentence id `primary_gid`): the first HELD_OUT records
are held out for measurement (`scorecard.py stance … --limit 2000` scores exactly them); the model is trained on the
other records, minus every record from an article (gid prefix `source_article`) that also has a sentence in the
held-out part, so that no article is on both sides.

Features (the Swift reader, Sources/NewsNLP/Tone/StanceModel.swift, extracts the same ones; a test checks that the
two agree on sentences written for the test):
  words    maximal runs of ASCII letters and digits, with an apostrophe (' or ’, written ') kept between two of
           them; lower-cased (ASCII). The target's words are the words that overlap the target span.
  b:W      word W occurs in the sentence outside the target (the target is masked: its name is never a feature)
  l:W r:W  word W is one of the WINDOW words before (l) or after (r) the target
  n:W      word W comes within NEG_REACH words after a negation (Lexicons/en/negations; forms ending in "n't")
  p+ p-    summed positive / negative polarity (Lexicons/en/polarity, negated ×-0.5) of the words outside the
           target; wp+ wp-: the same within WINDOW words of the target
  c:K:o    a one-word stance cue of kind K (Lexicons/en/stance-cues: attack, support, accused; prefix entries
           "criticis*" and alternatives "slam|slammed") within WINDOW words before the target (the target is its
           object); c:K:s the cue within WINDOW words after the target (the target is its subject)
  s:P      P, the first STEM letters of a word longer than STEM outside the target (shared by inflected forms)
  ps:SD    summed |polarity| of the lexicon's words (negation aside) on side S (L before, R after the target) with
           sign D (+ or -)
  t:first  the target is among the first two words; t:by the word before it is "by"
Model: multinomial logistic regression (scikit-learn, lbfgs, C below), classes negative / neutral / positive.
A feature seen fewer than MIN_COUNT times in training is dropped. Weights are rounded to 4 decimals; the file lists
`feature<TAB>w_negative<TAB>w_neutral<TAB>w_positive`, the row `bias` first. Stance score = P(positive) − P(negative).
"""
import json
import os
import re
import sys
import unicodedata

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "eval", "data", "stance-en", "newsmtsc-train.jsonl")
OUT = os.path.join(ROOT, "Lexicons", "en", "stance-model")

HELD_OUT = 2000
WINDOW = 4
NEG_REACH = 3
MIN_COUNT = 2
STEM = 5
C = float(os.environ.get("STANCE_C", "0.15"))
NEGATED = -0.5
CUE_KINDS = ("attack", "support", "accused")
# Classes of Lexicons/en/coreference whose words are pronouns or possessives: a target that is one of them is
# counted apart, only to report the figure the scorecard can reach (not a feature).
PRONOUN_CLASSES = ("subject", "plural", "strong", "possessive")

WORD = re.compile(rb"[A-Za-z0-9]+(?:(?:'|\xe2\x80\x99)[A-Za-z0-9]+)*")


def _mit_notice():
    """The MIT permission notice, as Scripts/build-polarity.py quotes it in the polarity files."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_polarity", os.path.join(ROOT, "Scripts", "build-polarity.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MIT_NOTICE


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def rows(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


class Lexicon:
    def __init__(self):
        d = os.path.join(ROOT, "Lexicons", "en")
        self.polarity = {}
        for r in rows(os.path.join(d, "polarity")):
            if len(r) >= 2:
                self.polarity[fold(r[0].strip())] = max(-1.0, min(1.0, float(r[1])))
        self.negations = set()
        self.neg_suffixes = []
        for r in rows(os.path.join(d, "negations")):
            w = fold(r[0].strip())
            if " " in w:
                continue
            if w.startswith("n'"):
                self.neg_suffixes.append(w)
            self.negations.add(w)
        self.cues = {}
        self.prefixes = []
        for r in rows(os.path.join(d, "stance-cues")):
            if len(r) < 3 or r[1].strip() not in CUE_KINDS:
                continue
            phrase = r[0].strip()
            if " " in phrase:
                continue
            if phrase.endswith("*"):
                self.prefixes.append((fold(phrase[:-1]), r[1].strip()))
            else:
                for w in phrase.split("|"):
                    self.cues.setdefault(fold(w), r[1].strip())

    def cue(self, w):
        if w in self.cues:
            return self.cues[w]
        if len(w.encode()) >= 4:
            for p, k in self.prefixes:
                if w.startswith(p):
                    return k
        return None

    def negation(self, w):
        return w in self.negations or any(w.endswith(s) and len(w) > len(s) for s in self.neg_suffixes)


def words(text_bytes):
    return [(m.start(), m.end(), m.group().replace(b"\xe2\x80\x99", b"'").decode("ascii", "replace").lower())
            for m in WORD.finditer(text_bytes)]


def features(lex, text, start, end):
    """Features of the target at UTF-8 byte offsets start..end of text (a str)."""
    ws = words(text.encode("utf-8"))
    inside = [k for k, (s, e, _) in enumerate(ws) if s < end and e > start]
    f = {}
    if not inside:
        return f
    first, last = inside[0], inside[-1]
    negated_until = -1
    pos = neg = wpos = wneg = 0.0
    for k, (_, _, w) in enumerate(ws):
        if first <= k <= last:
            continue
        near = first - WINDOW <= k < first or last < k <= last + WINDOW
        f["b:" + w] = 1.0
        if len(w) > STEM:
            f["s:" + w[:STEM]] = 1.0
        if first - WINDOW <= k < first:
            f["l:" + w] = 1.0
        elif last < k <= last + WINDOW:
            f["r:" + w] = 1.0
        if k <= negated_until:
            f["n:" + w] = 1.0
        if lex.negation(w):
            negated_until = k + NEG_REACH
        p = lex.polarity.get(w)
        if p is not None:
            side = "ps:" + ("L" if k < first else "R") + ("+" if p > 0 else "-")
            f[side] = f.get(side, 0.0) + abs(p)
            if k <= negated_until and not lex.negation(w):
                p *= NEGATED
            if p > 0:
                pos += p
                wpos += p if near else 0
            else:
                neg -= p
                wneg -= p if near else 0
        kind = lex.cue(w)
        if kind is not None:
            if first - WINDOW <= k < first:
                f["c:" + kind + ":o"] = 1.0
            elif last < k <= last + WINDOW:
                f["c:" + kind + ":s"] = 1.0
    for name, v in (("p+", pos), ("p-", neg), ("wp+", wpos), ("wp-", wneg)):
        if v:
            f[name] = v
    if first <= 1:
        f["t:first"] = 1.0
    if first > 0 and ws[first - 1][2] == "by":
        f["t:by"] = 1.0
    return f


def examples(records):
    out = []
    for r in records:
        text = r["sentence_normalized"]
        for t in r["targets"]:
            s = len(text[: t["from"]].encode("utf-8"))
            e = len(text[: t["to"]].encode("utf-8"))
            gold = {2.0: 0, 4.0: 1, 6.0: 2}[t["polarity"]]
            out.append((text, s, e, t["from"], t["to"], gold))
    return out


def article(gid):
    return "_".join(gid.split("_")[:2])


def macro(y, p):
    return f1_score(y, p, average="macro")


def golden():
    """Writes the features and probabilities of the test sentences (Corpora/stance-model-sentences.txt) as computed
    here, for the Swift test that checks agreement."""
    lex = Lexicon()
    weights, bias = {}, None
    for r in rows(OUT):
        v = [float(x) for x in r[1:4]]
        if r[0] == "bias":
            bias = np.array(v)
        else:
            weights[r[0]] = np.array(v)
    out = []
    for r in rows(os.path.join(ROOT, "Corpora", "stance-model-sentences.txt")):
        target, sentence = r[0], r[1]
        b = sentence.encode("utf-8")
        start = b.index(target.encode("utf-8"))
        f = features(lex, sentence, start, start + len(target.encode("utf-8")))
        z = bias + sum((weights[k] * v for k, v in f.items() if k in weights), np.zeros(3))
        p = np.exp(z - z.max())
        p = p / p.sum()
        out.append({"sentence": sentence, "start": start, "end": start + len(target.encode("utf-8")),
                    "features": {k: round(v, 6) for k, v in sorted(f.items())}, "probabilities": [round(x, 6) for x in p]})
    path = os.path.join(ROOT, "Corpora", "golden", "stance-model-features.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {path}")


def main():
    if "--golden" in sys.argv:
        return golden()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0] if args else DEFAULT_DATA
    records = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    held, rest = records[:HELD_OUT], records[HELD_OUT:]
    held_articles = {article(r["primary_gid"]) for r in held}
    train = [r for r in rest if article(r["primary_gid"]) not in held_articles]
    lex = Lexicon()
    tr, te = examples(train), examples(held)
    ytr = np.array([x[5] for x in tr])
    yte = np.array([x[5] for x in te])

    # Baseline: TF-IDF over the sentence with the target masked, logistic regression.
    def masked(x):
        return x[0][: x[3]] + " TARGET " + x[0][x[4]:]
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    base = LogisticRegression(C=4.0, max_iter=2000).fit(vec.fit_transform([masked(x) for x in tr]), ytr)
    base_f1 = macro(yte, base.predict(vec.transform([masked(x) for x in te])))

    # The model.
    ftr = [features(lex, x[0], x[1], x[2]) for x in tr]
    counts = {}
    for f in ftr:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= MIN_COUNT)
    index = {k: i for i, k in enumerate(names)}

    def matrix(fs):
        data, cols, ptr = [], [], [0]
        for f in fs:
            for k, v in f.items():
                j = index.get(k)
                if j is not None:
                    data.append(v)
                    cols.append(j)
            ptr.append(len(cols))
        return csr_matrix((data, cols, ptr), shape=(len(fs), len(names)))
    model = LogisticRegression(C=C, max_iter=5000).fit(matrix(ftr), ytr)
    W = np.round(model.coef_.T, 4)
    b = np.round(model.intercept_, 4)

    def scores(fs):
        z = matrix(fs) @ W + b
        z = np.exp(z - z.max(axis=1, keepdims=True))
        p = z / z.sum(axis=1, keepdims=True)
        return p[:, 2] - p[:, 0], p.argmax(axis=1)
    s_te, arg_te = scores([features(lex, x[0], x[1], x[2]) for x in te])
    thresholded = np.where(np.abs(s_te) < 0.1, 1, np.where(s_te > 0, 2, 0))
    f1_arg, f1_thr = macro(yte, arg_te), macro(yte, thresholded)
    # What `scorecard.py stance` can reach at best with this model: it reads the stance of the entity whose name
    # (`mentions`) covers the target, and a target that is a bare personal pronoun ("He said …") in a one-sentence
    # document is no named entity there, so it counts as neutral.
    pronouns = {fold(r[0].strip()) for r in rows(os.path.join(ROOT, "Lexicons", "en", "coreference"))
                if len(r) >= 2 and r[1].strip() in PRONOUN_CLASSES}
    pronoun = np.array([fold(x[0][x[3]:x[4]]) in pronouns for x in te])
    f1_named = macro(yte, np.where(pronoun, 1, arg_te))
    s_tr, _ = scores(ftr)
    f1_train = macro(ytr, np.where(np.abs(s_tr) < 0.1, 1, np.where(s_tr > 0, 2, 0)))
    print(f"train: {len(train)} sentences ({len(tr)} targets); held out: first {HELD_OUT} records ({len(te)} targets)")
    print(f"TF-IDF baseline (target masked, 1-2 grams) held-out macro-F1 {base_f1:.3f}")
    print(f"model ({len(names)} features) held-out macro-F1 {f1_arg:.3f} (most probable class; raw score thresholded at 0.1: {f1_thr:.3f});"
          f" train {f1_train:.3f}")
    print(f"with the {int(pronoun.sum())} pronoun targets counted neutral (the most a named-entity reading can score): {f1_named:.3f}")
    if "--write" not in sys.argv:
        return
    keep = [i for i in range(len(names)) if np.any(W[i] != 0)]
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# English target-stance model: multinomial logistic regression weights over target-masked, target-windowed\n")
        out.write("# features of one sentence (negative, neutral, positive toward the target).\n")
        out.write("# Source: learned from NewsMTSC (fhamborg/NewsMTSC, train split, MIT licence) by Scripts/train-stance.py\n")
        out.write("# (features documented there and in Lexicons/FORMAT.md).\n")
        out.write("# Licence: MIT (derived from NewsMTSC; notice below); the script and the format Apache-2.0 (part of newsnlp).\n")
        out.write("# Copyright 2020 Felix Hamborg (NewsMTSC).\n")
        for line in _mit_notice().splitlines():
            out.write("# " + line + "\n")
        out.write(f"# Trained on records {HELD_OUT + 1}-{len(records)} of newsmtsc-train.jsonl ({len(train)} sentences, {len(tr)} targets; no article\n")
        out.write(f"# shared with the held-out part); held out: the first {HELD_OUT} records ({len(te)} targets).\n")
        out.write(f"# Held-out macro-F1 {f1_arg:.3f} (label = the most probable class, as newsnlp reads it; score = P(positive) - P(negative)\n")
        out.write(f"# moved out of or into the neutral band |score| < 0.1 to agree with it); TF-IDF logistic\n")
        out.write(f"# baseline on the same split {base_f1:.3f}. Parameters: window {WINDOW}, negation reach {NEG_REACH}, negated polarity x{NEGATED},\n")
        out.write(f"# minimum feature count {MIN_COUNT}, C {C}.\n")
        out.write("# Columns: feature<TAB>weight negative<TAB>weight neutral<TAB>weight positive; the row \"bias\" holds the intercepts.\n")
        out.write("bias\t" + "\t".join(f"{v:.4f}" for v in b) + "\n")
        for i in keep:
            out.write(names[i] + "\t" + "\t".join(f"{v:.4f}" for v in W[i]) + "\n")
    print(f"wrote {OUT} ({len(keep)} features)")


if __name__ == "__main__":
    main()
