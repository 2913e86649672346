#!/usr/bin/env python3
"""Draws pairs of real messages to judge by reading, in the strata of
../shared/corpus-real/README.md, leaving out every message of pairs-dev.jsonl
(so that a pair here is never a pair the detector was developed on).

Strata: the same account with similar and with dissimilar texts; different
accounts with similar texts; different accounts naming one place or body;
random pairs of one month; and, with --joined FILE (pairs the detector put in
one matter, `{"a","b","probability"}` per line), pairs joined at 0.5-0.95.

Pairs that share a message fall in the same half, so that the test half
shares no message with the development half.

    python3 Benchmarks/judging/draw-pairs.py --messages ../shared/corpus-real \
        --out /tmp/draw [--joined joined.jsonl] [--seed 2026]
"""
import argparse, collections, json, math, random, re, os

ap = argparse.ArgumentParser()
ap.add_argument("--messages", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--joined")
ap.add_argument("--seed", type=int, default=2026)
ap.add_argument("--exclude", action="append", default=[], help="more judged-pair files whose messages to leave out")
args = ap.parse_args()
rng = random.Random(args.seed)

messages = {}
for line in open(os.path.join(args.messages, "messages.jsonl"), encoding="utf-8"):
    m = json.loads(line)
    messages[m["id"]] = m
excluded = set()
for path in [os.path.join(args.messages, "pairs-dev.jsonl")] + args.exclude:
    for line in open(path, encoding="utf-8"):
        p = json.loads(line)
        excluded.update([p["a"], p["b"]])
ids = sorted(i for i in messages if i not in excluded)

def text(m):
    return (m.get("title") or "") + "。" + m["content"]

def bigrams(s):
    s = re.sub(r"\s+", "", s)
    return collections.Counter(s[i:i + 2] for i in range(len(s) - 1))

vectors = {i: bigrams(text(messages[i])) for i in ids}
df = collections.Counter()
for v in vectors.values():
    df.update(v.keys())
n = len(ids)
def weighted(v):
    w = {g: c * math.log(n / df[g]) for g, c in v.items()}
    norm = math.sqrt(sum(x * x for x in w.values())) or 1
    return {g: x / norm for g, x in w.items()}
tfidf = {i: weighted(v) for i, v in vectors.items()}
def cosine(a, b):
    x, y = tfidf[a], tfidf[b]
    if len(x) > len(y):
        x, y = y, x
    return sum(w * y.get(g, 0) for g, w in x.items())

account = {i: messages[i]["petitioners"][0]["name"] for i in ids}
by_account = collections.defaultdict(list)
for i in ids:
    by_account[account[i]].append(i)

def key(a, b):
    return tuple(sorted((a, b)))

drawn = {}
def add(a, b, stratum):
    k = key(a, b)
    if k not in drawn:
        drawn[k] = stratum

# 1, 2: the same account.
same = []
for acc, members in by_account.items():
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            same.append((members[x], members[y], cosine(members[x], members[y])))
rng.shuffle(same)
similar = [p for p in same if p[2] >= 0.25]
dissimilar = [p for p in same if p[2] < 0.25]
# At most two pairs of one account in a stratum: a prolific poster should not fill it.
def capped(pairs, count):
    per = collections.Counter(); out = []
    for a, b, s in pairs:
        if per[account[a]] >= 2:
            continue
        per[account[a]] += 1; out.append((a, b))
        if len(out) == count:
            break
    return out
for a, b in capped(similar, 130): add(a, b, "same_account_similar")
for a, b in capped(dissimilar, 130): add(a, b, "same_account_dissimilar")

# 3: different accounts, similar texts: candidates share a rare bigram.
postings = collections.defaultdict(list)
for i in ids:
    for g in vectors[i]:
        if 2 <= df[g] <= 40:
            postings[g].append(i)
shared = collections.Counter()
for g, members in postings.items():
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            if account[members[x]] != account[members[y]]:
                shared[key(members[x], members[y])] += 1
candidates = [k for k, c in shared.items() if c >= 6]
scored = [(a, b, cosine(a, b)) for a, b in candidates]
close = [p for p in scored if p[2] >= 0.3]
rng.shuffle(close)
for a, b, s in close[:130]: add(a, b, "other_account_similar")

# 4: different accounts naming one place or body.
name = re.compile(r"[\u4e00-\u9fff]{2,8}(?:小区|花园|公寓|家园|广场|大厦|学校|小学|中学|大学|学院|幼儿园|医院|卫生院|车站|高铁站|地铁站|公司|村|路|街道|镇|乡|公交|线)")
places = collections.defaultdict(set)
for i in ids:
    for found in sorted(set(name.findall(text(messages[i])))):
        places[found].add(i)
place_pairs = []
for found, members in sorted(places.items()):
    members = sorted(members)
    if 2 <= len(members) <= 12:
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if account[members[x]] != account[members[y]]:
                    place_pairs.append((members[x], members[y]))
rng.shuffle(place_pairs)
for a, b in place_pairs[:110]: add(a, b, "other_account_same_place")

# 5: random pairs of one month.
by_month = collections.defaultdict(list)
for i in ids:
    by_month[messages[i]["received_at"][:7]].append(i)
months = [m for m, members in by_month.items() if len(members) >= 2]
for _ in range(60):
    members = by_month[rng.choice(months)]
    a, b = rng.sample(members, 2)
    add(a, b, "random_same_month")

# 6: what the detector joins without being sure.
if args.joined:
    joined = [json.loads(l) for l in open(args.joined, encoding="utf-8")]
    joined = [p for p in joined if 0.5 <= p["probability"] <= 0.95 and p["a"] in messages and p["b"] in messages
              and p["a"] not in excluded and p["b"] not in excluded]
    rng.shuffle(joined)
    for p in joined[:110]: add(p["a"], p["b"], "detector_joined_unsure")

# Halves: pairs sharing a message stay together.
parent = {}
def find(x):
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]; x = parent[x]
    return x
for a, b in drawn:
    parent[find(a)] = find(b)
components = sorted({find(a) for a, b in drawn})
rng.shuffle(components)
half = {c: ("dev" if k % 2 == 0 else "test") for k, c in enumerate(components)}

os.makedirs(args.out, exist_ok=True)
pairs = sorted(drawn.items())
rng.shuffle(pairs)
with open(os.path.join(args.out, "drawn.jsonl"), "w", encoding="utf-8") as out:
    for number, ((a, b), stratum) in enumerate(pairs, 1):
        # Earlier message first, as the intake check holds back the later one.
        if (messages[a]["received_at"], a) > (messages[b]["received_at"], b):
            a, b = b, a
        out.write(json.dumps({"pair": number, "a": a, "b": b, "stratum": stratum, "half": half[find(a)]},
                             ensure_ascii=False) + "\n")
print(len(pairs), collections.Counter(s for _, s in pairs), collections.Counter(half[find(a)] for (a, b), _ in pairs))
