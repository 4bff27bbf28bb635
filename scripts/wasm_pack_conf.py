#!/usr/bin/env python3
"""Reads wasm-pack.toml (and Cargo.lock) for the shell scripts.

  wasm_pack_conf.py get KEY          -> value of KEY in any section (lists space-joined)
  wasm_pack_conf.py lock-version PKG -> the version of PKG pinned in Cargo.lock
  wasm_pack_conf.py modules          -> one line per [[module]]:
                                        name out_dir npm_name wasm_gzip_kb features(comma-joined or -)
                                        rule_docs(true|false)
"""
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def get(key: str) -> str:
    conf = tomllib.loads((ROOT / "wasm-pack.toml").read_text(encoding="utf-8"))
    for section in conf.values():
        if isinstance(section, dict) and key in section:
            value = section[key]
            if isinstance(value, list):
                return " ".join(str(v) for v in value)
            if isinstance(value, bool):
                return "true" if value else "false"
            return str(value)
    sys.exit(f"wasm-pack.toml has no key {key!r}")


def modules() -> str:
    conf = tomllib.loads((ROOT / "wasm-pack.toml").read_text(encoding="utf-8"))
    lines = []
    for m in conf.get("module", []):
        features = ",".join(m.get("cargo_features", [])) or "-"
        docs = "true" if m.get("rule_docs", False) else "false"
        lines.append(f"{m['name']} {m['out_dir']} {m['npm_name']} {m['wasm_gzip_kb']} {features} {docs}")
    if not lines:
        sys.exit("wasm-pack.toml has no [[module]]")
    return "\n".join(lines)


def lock_version(package: str) -> str:
    lock = tomllib.loads((ROOT / "Cargo.lock").read_text(encoding="utf-8"))
    for pkg in lock.get("package", []):
        if pkg["name"] == package:
            return pkg["version"]
    sys.exit(f"Cargo.lock has no package {package!r}")


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "modules":
        print(modules())
    elif len(sys.argv) == 3 and sys.argv[1] in ("get", "lock-version"):
        print(get(sys.argv[2]) if sys.argv[1] == "get" else lock_version(sys.argv[2]))
    else:
        sys.exit(__doc__)
