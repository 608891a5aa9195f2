#!/usr/bin/env python3
"""Prints pkg/package.json for the wasm-bindgen output, from Cargo.toml, so pkg/ is usable as an npm package."""
import json, re, pathlib
cargo = pathlib.Path(__file__).resolve().parent.parent / "Cargo.toml"
text = cargo.read_text()
def field(name):
    m = re.search(rf'^{name}\s*=\s*"([^"]*)"', text, re.M)
    return m.group(1) if m else ""
print(json.dumps({
    "name": field("name"),
    "version": field("version"),
    "description": field("description"),
    "license": field("license"),
    "type": "module",
    "main": "contract_advisor.js",
    "module": "contract_advisor.js",
    "types": "contract_advisor.d.ts",
    "files": ["contract_advisor_bg.wasm", "contract_advisor.js", "contract_advisor.d.ts", "contract_advisor_bg.wasm.d.ts"],
    "sideEffects": ["./snippets/*"],
}, indent=2))
