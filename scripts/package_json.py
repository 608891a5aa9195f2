#!/usr/bin/env python3
"""Prints pkg/package.json for the wasm-bindgen output, from Cargo.toml, so pkg/ is usable as an npm package."""
import json, re, pathlib
cargo = pathlib.Path(__file__).resolve().parent.parent / "Cargo.toml"
text = cargo.read_text()
def field(name):
    m = re.search(rf'^{name}\s*=\s*"([^"]*)"', text, re.M)
    return m.group(1) if m else ""
files = []
for stem in ("contract_advisor", "contract_advisor_lite"):
    files += [f"{stem}_bg.wasm", f"{stem}.js", f"{stem}.d.ts", f"{stem}_bg.wasm.d.ts"]
print(json.dumps({
    "name": field("name"),
    "version": field("version"),
    "description": field("description"),
    "license": field("license"),
    "type": "module",
    "main": "contract_advisor.js",
    "module": "contract_advisor.js",
    "types": "contract_advisor.d.ts",
    "exports": {
        ".": {"types": "./contract_advisor.d.ts", "default": "./contract_advisor.js"},
        "./first-stage": {"types": "./contract_advisor_lite.d.ts", "default": "./contract_advisor_lite.js"},
        "./contract_advisor_bg.wasm": "./contract_advisor_bg.wasm",
        "./contract_advisor_lite_bg.wasm": "./contract_advisor_lite_bg.wasm",
    },
    "files": files + ["README.md"],
    "sideEffects": False,
}, indent=2))
