#!/usr/bin/env python3
"""Adds preload hints to the built pages so the first question needs no request waterfall.

usage: preload.py META.json SITE_DIR

From esbuild's metafile it finds the chunks that www/element.js imports statically, and adds to index.html and
www/embed.html a <link rel="modulepreload"> for each and a <link rel="preload"> for the first-stage WebAssembly
module, so the browser fetches them in parallel with element.js instead of one after another.
"""
import json, sys
from pathlib import Path

meta_path, site = sys.argv[1], Path(sys.argv[2])
meta = json.loads(Path(meta_path).read_text())
entry = next(k for k in meta["outputs"] if k.endswith("/www/element.js"))
chunks = [Path(i["path"]).name for i in meta["outputs"][entry].get("imports", []) if i.get("kind") == "import-statement"]


def hints(www: str, pkg: str) -> str:
    links = [f'<link rel="modulepreload" href="{www}{c}">' for c in chunks]
    links.append(f'<link rel="preload" href="{pkg}contract_advisor_lite_bg.wasm" as="fetch" type="application/wasm" crossorigin>')
    return "\n  ".join(links)


for page, www, pkg in [("index.html", "www/", "pkg/"), ("www/embed.html", "", "../pkg/")]:
    path = site / page
    text = path.read_text()
    marker = f'<script type="module" src="{www}element.js"></script>'
    if marker not in text:
        sys.exit(f"preload.py: {page} does not load {www}element.js as expected")
    path.write_text(text.replace(marker, marker + "\n  " + hints(www, pkg), 1))
print(f"preload: {len(chunks)} chunk(s) and the first-stage module preloaded", file=sys.stderr)
