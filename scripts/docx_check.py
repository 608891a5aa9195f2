#!/usr/bin/env python3
"""Reads the Word board paper back with python-docx and checks it says what the Markdown paper says.

usage: docx_check.py [ADVISE]   (default target/release/advise, built with the docx feature)

For a few scenarios' answers (one with a shadow year, and one with the appendix), `advise recommend --format
docx` writes the .docx and `--format paper` prints the Markdown. The check: the document opens; its title and
headings (style "Heading 1"/"Heading 3") are the Markdown's, in order; its tables are the Markdown's tables
(the options table among them, header and every row); and every paragraph and list item of the Markdown is a
paragraph of the document, word for word. Prints one line per scenario; exits 1 on any difference.
"""
import json, pathlib, re, subprocess, sys, tempfile

import docx  # python-docx

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADVISE = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/advise")
CASES = [  # scenario file, with the appendix
    ("tuning/h03-sutton-health-and-care-at-home.json", False),
    ("tuning/h10-discharge-recovery-combined-budget.json", True),
    ("tuning/r21-children-type-1-diabetes-annual-budget.json", False),
]


def markdown_parts(md):
    """Headings, tables (header + rows) and prose lines of the Markdown paper, markup removed."""
    headings, tables, prose = [], [], []
    table = None
    for line in md.splitlines():
        if line.startswith("|"):
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if all(re.fullmatch(r"-+", c) for c in cells):
                continue
            cells = [c.replace("**", "") for c in cells]
            if table is None:
                table = [cells]
                tables.append(table)
            else:
                table.append(cells)
            continue
        table = None
        if not line.strip():
            continue
        m = re.match(r"(#{1,3}) (.*)", line)
        if m:
            headings.append((len(m.group(1)), m.group(2)))
            continue
        text = re.sub(r"^(- \[ \] |- |\d+\. )", "", line).replace("**", "")
        prose.append(text)
    return headings, tables, prose


def check(scenario, appendix):
    data = json.loads((ROOT / "tests/scenarios" / scenario).read_text())
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        answers = pathlib.Path(tmp) / "answers.json"
        answers.write_text(json.dumps(data["encoding"]["primary"]))
        extra = ["--appendix"] if appendix else []
        out = pathlib.Path(tmp) / "paper.docx"
        subprocess.run([ADVISE, "recommend", str(answers), "--format", "docx", "-o", str(out), *extra], check=True)
        md = subprocess.run([ADVISE, "recommend", str(answers), "--format", "paper", *extra],
                            check=True, capture_output=True, text=True).stdout
        size = out.stat().st_size
        doc = docx.Document(str(out))
    headings, tables, prose = markdown_parts(md)

    level = {"Title": 1, "Heading 1": 2, "Heading 3": 3}
    got = [(level[p.style.name], p.text) for p in doc.paragraphs
           if p.style is not None and p.style.name in level]
    if got != headings:
        problems.append(f"headings differ:\n  docx {got}\n  md   {headings}")

    # The first document table is the cover sheet (field, detail); the Markdown's first table is the same.
    got_tables = [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]
    want_tables = [t if i else [["Field", "Detail"]] + t[1:] for i, t in enumerate(tables)]
    if got_tables != want_tables:
        for i, (g, w) in enumerate(zip(got_tables, want_tables)):
            if g != w:
                problems.append(f"table {i} differs:\n  docx {g[:2]}\n  md   {w[:2]}")
        if len(got_tables) != len(want_tables):
            problems.append(f"{len(got_tables)} tables in the document, {len(want_tables)} in the Markdown")
    options = [t for t in got_tables if t and t[0][:2] == ["Option", "Fit"]]
    if len(options) != 1 or len(options[0]) < 3:
        problems.append("no options table with at least two options")

    paras = [re.sub(r"^(•|☐|\d+\.)\t", "", p.text) for p in doc.paragraphs]
    text = set(paras)
    missing = [p for p in prose if p not in text]
    if missing:
        problems.append(f"{len(missing)} Markdown paragraphs are not in the document, e.g. {missing[0]!r}")
    repeated = {p for p in paras if len(p.split()) >= 8 and paras.count(p) > 1}
    if repeated:
        problems.append(f"printed twice: {sorted(repeated)[0]!r}")

    words = sum(len(p.split()) for p in paras) + sum(len(c.split()) for t in got_tables for r in t for c in r)
    status = "ok  " if not problems else "FAIL"
    print(f"{status} {scenario}{' (with appendix)' if appendix else ''}: {size} bytes, "
          f"{len(got)} headings, {len(got_tables)} tables, {words} words")
    for p in problems:
        print("     " + p)
    return not problems


ok = all([check(s, a) for s, a in CASES])
sys.exit(0 if ok else 1)
