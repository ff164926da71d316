"""Checks the labels: run from Eval/unseen-fr (the project's ../shared must exist beside the repository)."""
import json, os, re, sys
here = os.path.dirname(os.path.abspath(__file__))
os.chdir(here)
ok = True
dev = set()
d = os.path.join(here, '../../../shared/eval/data/news-dev/inputs/')
for f in os.listdir(d):
    t = open(d + f, encoding="utf-8").read()
    dev.add(t.split('\n\n', 1)[-1][:200])
for f in sorted(os.listdir("labels")):
    lab = json.load(open("labels/" + f, encoding="utf-8"))
    assert lab["id"] + ".json" == f and lab["language"] == "fr"
    txt = open("inputs/" + lab["id"] + ".txt", encoding="utf-8").read()
    body = txt.split("\n\n", 1)[1]
    if body[:200] in dev: print("DEV OVERLAP", f); ok = False
    names = {e["name"] for e in lab["entities"]}
    assert len(names) == len(lab["entities"]), f + " duplicate entity"
    for e in lab["entities"]:
        assert e["type"] in ("PER", "ORG", "LOC"), e
        for a in e["aliases"]:
            if a not in txt: print(f, "alias not in text:", a); ok = False
    for q in lab["quotes"]:
        if q["text"] not in txt: print(f, "QUOTE NOT VERBATIM:", q["text"][:60]); ok = False
        if q["speaker"] is not None and q["speaker"] not in names: print(f, "BAD SPEAKER", q["speaker"]); ok = False
        assert q["kind"] in ("direct", "partial")
    for n in lab["not_quotes"]:
        if n not in txt: print(f, "not_quote not in text", n); ok = False
    for k in lab["stance"]:
        if k not in names: print(f, "stance key not entity", k); ok = False
    assert lab["tone"] in (-1, 0, 1)
    # coverage: every "..." / «...» span should be a quote or not_quote (or contain one)
    spans = re.findall(r'"([^"]*)"', txt) + re.findall(r'«\s*([^»]*?)\s*»', txt)
    listed = [q["text"] for q in lab["quotes"]] + lab["not_quotes"]
    for s in spans:
        s2 = s.strip()
        if not any(s2 == l or (len(l) > 3 and l in s2) or (len(s2) > 3 and s2 in l) for l in listed):
            print(f, "UNCOVERED span:", repr(s2[:70]))
    nq = len(lab["quotes"]); nn = sum(1 for q in lab["quotes"] if q["speaker"])
    print(f"{f}: chars={len(txt)} quotes={nq} named={nn} null={nq-nn} entities={len(lab['entities'])} spans={len(spans)}")
print("ALL OK" if ok else "PROBLEMS")
