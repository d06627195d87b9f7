#!/usr/bin/env python3
"""Validate companies.csv / titles.csv and print count tables (markdown)."""
import csv, sys, collections, pathlib, re

HERE = pathlib.Path(__file__).resolve().parent
GROUPS = ["Accommodation Services", "Administrative and Support Services", "Construction",
          "Consumer Services", "Education", "Entertainment Providers", "Farming, Ranching, Forestry",
          "Financial Services", "Government Administration", "Holding Companies",
          "Hospitals and Health Care", "Manufacturing", "Oil, Gas, and Mining", "Professional Services",
          "Real Estate and Equipment Rental Services", "Retail", "Technology, Information and Media",
          "Transportation, Logistics, Supply Chain and Storage", "Utilities", "Wholesale"]
FUNCTIONS = ["Accounting", "Administrative", "Arts and Design", "Business Development",
             "Community and Social Services", "Consulting", "Education", "Engineering",
             "Entrepreneurship", "Finance", "Healthcare Services", "Human Resources",
             "Information Technology", "Legal", "Marketing", "Media and Communication",
             "Military and Protective Services", "Operations", "Product Management",
             "Program and Project Management", "Purchasing", "Quality Assurance", "Real Estate",
             "Research", "Sales", "Customer Success and Support"]
LEVELS = ["unpaid", "training", "entry", "senior", "manager", "director", "vp", "cxo", "partner", "owner"]

errors = []
def load(name, header):
    with open(HERE / name, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        h = next(r)
        if h != header:
            errors.append(f"{name}: header {h} != {header}")
        rows = []
        for i, row in enumerate(r, start=2):
            if len(row) != len(header):
                errors.append(f"{name}:{i}: {len(row)} fields: {row}")
                continue
            if any(c != c.strip() or not c for c in row[:3]):
                errors.append(f"{name}:{i}: empty/padded field: {row}")
            rows.append(dict(zip(header, row)))
    keys = collections.Counter(r[header[0]].casefold() for r in rows)
    for k, n in keys.items():
        if n > 1:
            errors.append(f"{name}: duplicate {header[0]} {k!r} x{n}")
    return rows

comp = load("companies.csv", ["company_name", "country", "industry_root", "notes"])
tit = load("titles.csv", ["title", "language", "function", "seniority_level"])

for r in comp:
    if r["industry_root"] not in GROUPS: errors.append(f"bad group {r}")
    if not re.fullmatch(r"[A-Z]{2}", r["country"]): errors.append(f"bad country {r}")
    if not re.match(r"(large|sme); lang=[a-z]{2}(;|$)", r["notes"]): errors.append(f"bad notes {r}")
for r in tit:
    if r["function"] not in FUNCTIONS: errors.append(f"bad function {r}")
    if r["seniority_level"] not in LEVELS: errors.append(f"bad level {r}")
    if not re.fullmatch(r"[a-z]{2}", r["language"]): errors.append(f"bad language {r}")

def count(rows, key, fn=None):
    return collections.Counter(fn(r) if fn else r[key] for r in rows)

g = count(comp, "industry_root"); c = count(comp, "country")
size = count(comp, None, lambda r: r["notes"].split(";")[0])
clang = count(comp, None, lambda r: re.search(r"lang=([a-z]{2})", r["notes"]).group(1))
f = count(tit, "function"); l = count(tit, "seniority_level"); tl = count(tit, "language")

checks = [(len(comp) >= 320, f"companies >= 320 ({len(comp)})"),
          (all(g[x] >= 8 for x in GROUPS), f"every group >= 8 (min {min(g[x] for x in GROUPS)})"),
          (len(c) >= 12, f"countries >= 12 ({len(c)})"),
          (len(clang) >= 6, f"company-name languages >= 6 ({len(clang)})"),
          (len(tit) >= 320, f"titles >= 320 ({len(tit)})"),
          (all(f[x] >= 6 for x in FUNCTIONS), f"every function >= 6 (min {min(f[x] for x in FUNCTIONS)})"),
          (all(l[x] >= 8 for x in LEVELS), f"every level >= 8 (min {min(l[x] for x in LEVELS)})"),
          (sum(v for k, v in tl.items() if k != "en") / len(tit) >= 0.25,
           f"non-English titles >= 25% ({sum(v for k, v in tl.items() if k != 'en')}/{len(tit)})")]
for ok, msg in checks:
    if not ok: errors.append("FAILED: " + msg)

def table(title, counter, order=None):
    keys = order or sorted(counter, key=lambda k: (-counter[k], k))
    out = [f"| {title} | n |", "|---|---:|"] + [f"| {k} | {counter[k]} |" for k in keys]
    out.append(f"| **total** | {sum(counter.values())} |")
    return "\n".join(out)

if "--tables" in sys.argv:
    print(table("industry_root", g, GROUPS)); print()
    print(table("size (notes)", size)); print()
    print(table("country", c)); print()
    print(table("company-name language (notes)", clang)); print()
    print(table("function", f, FUNCTIONS)); print()
    print(table("seniority_level", l, LEVELS)); print()
    print(table("title language", tl))
else:
    for ok, msg in checks: print(("ok   " if ok else "FAIL ") + msg)
if errors:
    print("\n".join(errors), file=sys.stderr); sys.exit(1)
print("valid", file=sys.stderr)
