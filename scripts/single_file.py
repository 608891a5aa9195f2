#!/usr/bin/env python3
"""Builds one self-contained HTML file that works opened from disk (file://) with no network.

usage: single_file.py PAGE.html BUNDLE.js STYLE.css FIRST.wasm FULL.wasm DOCX.wasm CATALOGUE.html OUT.html

- The page's module script becomes an inline module holding the whole bundle (every module of the widget).
- The stylesheet is inlined twice in the same text: a <style> for the page itself, and a <template
  id="contract-advisor-style"> the element copies into its shadow root (www/element.js looks for it).
- The three WebAssembly modules (first stage, full advisor, Word writer) are inlined as base64 in non-executable
  <script type="application/octet-stream"> blocks (www/core.js looks for them by id), so nothing is fetched.
- The no-JavaScript catalogue is inlined into <noscript>, and links to other files are dropped.
- The Content-Security-Policy allows exactly the inline script and style by their SHA-256 hashes, plus
  'wasm-unsafe-eval' for WebAssembly: no 'unsafe-inline', no eval.
"""
import base64, hashlib, html, re, sys
from pathlib import Path

page_path, bundle_path, css_path, first_path, full_path, docx_path, catalogue_path, out_path = sys.argv[1:9]
page = Path(page_path).read_text()
bundle = Path(bundle_path).read_text().replace("</script", "<\\/script")
css = Path(css_path).read_text().replace("</style", "<\\/style")
first = base64.b64encode(Path(first_path).read_bytes()).decode()
full = base64.b64encode(Path(full_path).read_bytes()).decode()
docx = base64.b64encode(Path(docx_path).read_bytes()).decode()
catalogue = Path(catalogue_path).read_text()


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def sub_once(pattern: str, repl: str, text: str) -> str:
    new, n = re.subn(pattern, lambda _m: repl, text, count=1, flags=re.S)
    if n != 1:
        sys.exit(f"single_file.py: pattern not found in the page: {pattern}")
    return new


csp = (
    f"default-src 'none'; script-src {sha(bundle)} 'wasm-unsafe-eval'; style-src {sha(css)}; "
    "img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'"
)
page = sub_once(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">', page)
page = sub_once(r'<link rel="stylesheet" href="www/style.css">', f"<style>{css}</style>", page)
page = sub_once(r'<script type="module" src="www/element.js"></script>', "", page)

# The catalogue's main content, for readers without JavaScript.
main = re.search(r"<main[^>]*>(.*)</main>", catalogue, re.S)
if not main:
    sys.exit("single_file.py: the catalogue has no <main>")
noscript_body = re.sub(r"<h1>.*?</h1>", "", main.group(1), count=1, flags=re.S)
page = sub_once(r"<noscript>.*?</noscript>",
                "<noscript><p>The interactive tool needs JavaScript, which is turned off or not available in "
                "your browser. Its questions and contract models are listed below.</p>"
                f"<div class=\"app-catalogue\">{noscript_body}</div></noscript>", page)
# Links to files that are not in the single file.
page = re.sub(r'<li><a href="www/[^"]*">[^<]*</a></li>\s*', "", page)

data = (
    f'<template id="contract-advisor-style"><style>{css}</style></template>\n'
    f'<script type="application/octet-stream" id="contract-advisor-wasm-first">{first}</script>\n'
    f'<script type="application/octet-stream" id="contract-advisor-wasm-full">{full}</script>\n'
    f'<script type="application/octet-stream" id="contract-advisor-wasm-docx">{docx}</script>\n'
    f'<script type="module">{bundle}</script>\n'
)
page = sub_once(r"</body>", data + "</body>", page)
Path(out_path).parent.mkdir(parents=True, exist_ok=True)
Path(out_path).write_text(page)
print(f"{out_path}: {len(page)} bytes", file=sys.stderr)
