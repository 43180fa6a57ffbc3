#!/usr/bin/env python3
"""Builds model-prices.json (the price table embedded in Hilt.Aop) from the reference CSV.

Usage:  python3 src/Hilt.Aop/Pricing/generate-model-prices.py [path/to/model-prices.csv]
Default input: ../shared/data/model-prices.csv next to the repository root.

What it does, per CSV row:
- keeps the USD-per-1M prices (input, cached input, cache write, output) as exact decimal text;
- turns `other_tiers` ("Fast mode [model_parameters:service_tier in ['fast', 'priority']] in=.. cached=.. out=..",
  "Large Context [: gt 200000] in=..") into structured tiers with a `when` condition;
- lists the names the row's own match_pattern accepts (dated snapshots, Bedrock and Vertex spellings)
  as `aliases`, without the optional provider prefix, which the runtime strips itself;
- stamps every row with a `source` and an `as_of` date (the row's `updated` date in the source).
Rows without a per-token input and output price (`total`-only rows, audio/realtime rows whose prices
live in other keys) are skipped: Hilt does not guess a price for them.
"""

import csv
import json
import os
import re
import sys

try:
    import re._parser as sre_parse  # Python 3.11+
    import re._constants as sre_constants
except ImportError:  # pragma: no cover - older Python
    import sre_parse
    import sre_constants

SOURCE = ("Langfuse default model prices (langfuse/langfuse worker/src/constants/default-model-prices.json, MIT, "
          "copy of 2026-08), cross-checked with LiteLLM model_prices_and_context_window.json")
PROVIDER_PREFIX = re.compile(r"^(openai|anthropic|google|googleai)/", re.IGNORECASE)
MAX_ALIASES = 64


def enumerate_pattern(pattern):
    """Returns the finite set of strings a match_pattern accepts, or None when it is not finite."""
    pattern = pattern.replace("(?i)", "")
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    try:
        return expand(list(parsed))
    except ValueError:
        return None


def expand(items):
    results = [""]
    for op, arg in items:
        if op == sre_constants.AT:
            continue
        if op == sre_constants.LITERAL:
            options = [chr(arg)]
        elif op == sre_constants.ANY:
            # Unescaped dots in the source's patterns mean a literal dot (gpt-3.5, claude-3.7).
            options = ["."]
        elif op == sre_constants.SUBPATTERN:
            options = expand(list(arg[-1]))
        elif op == sre_constants.BRANCH:
            options = []
            for branch in arg[1]:
                options.extend(expand(list(branch)))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, body = arg
            if low == 0 and high == 1:
                try:
                    options = [""] + expand(list(body))
                except ValueError:
                    # An optional open-ended part (a version suffix like @[a-zA-Z0-9]+): the runtime strips
                    # such suffixes itself, so only the form without it is listed.
                    options = [""]
            else:
                raise ValueError("open-ended repeat")
        else:
            raise ValueError("not a finite pattern")
        results = [r + o for r in results for o in options]
        if len(results) > 4096:
            raise ValueError("too many names")
    return results


def number(text):
    text = (text or "").strip()
    if not text:
        return None
    value = float(text)
    # Python prints the shortest text that reads back as the same double, which for these prices is the
    # CSV's own text; C# reads it as an exact decimal.
    return int(value) if value == int(value) else value


TIER_RE = re.compile(r"^(?P<name>[^\[]+?)\s*\[(?P<cond>(?:[^\[\]]|\[[^\]]*\])*)\]\s*(?P<prices>.*)$")
PARAM_RE = re.compile(r"model_parameters:(?P<param>[a-z_]+)\s+in\s+\[(?P<values>[^\]]*)\]")
THRESHOLD_RE = re.compile(r":\s*gt\s+(?P<n>\d+)")
PRICE_RE = re.compile(r"(?P<key>in|cached|write|out)=(?P<value>[0-9.]*)")


def parse_tiers(text):
    tiers = []
    for part in (text or "").split("|"):
        part = part.strip()
        if not part:
            continue
        m = TIER_RE.match(part)
        if not m:
            raise SystemExit(f"cannot read tier: {part!r}")
        cond = m.group("cond")
        when = {}
        for p in PARAM_RE.finditer(cond):
            when[p.group("param")] = [v.strip().strip("'\"") for v in p.group("values").split(",") if v.strip()]
        t = THRESHOLD_RE.search(cond)
        if t:
            when["prompt_tokens_above"] = int(t.group("n"))
        if not when:
            raise SystemExit(f"tier without a condition: {part!r}")
        prices = {p.group("key"): number(p.group("value")) for p in PRICE_RE.finditer(m.group("prices"))}
        if prices.get("in") is None or prices.get("out") is None:
            raise SystemExit(f"tier without input or output price: {part!r}")
        tier = {"name": m.group("name").strip(), "when": when, "input_usd_per_1m": prices["in"]}
        if prices.get("cached") is not None:
            tier["cached_input_usd_per_1m"] = prices["cached"]
        if prices.get("write") is not None:
            tier["cache_write_usd_per_1m"] = prices["write"]
        tier["output_usd_per_1m"] = prices["out"]
        tiers.append(tier)
    return tiers


def provider_of(model, pattern):
    p = pattern.lower()
    if "openai" in p or re.match(r"^(ft:)?(gpt|o\d|chatgpt|text-|davinci|babbage)", model):
        return "openai"
    if "anthropic" in p or model.startswith("claude"):
        return "anthropic"
    if "google" in p or re.match(r"^(gemini|chat-bison|text-bison|code|textembedding|text-unicorn)", model):
        return "google"
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", "..", ".."))
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "model-prices.csv")
    rows, skipped, claimed = [], [], {}
    with open(source, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            model = r["model"].strip()
            inp, out = number(r["input_usd_per_1m"]), number(r["output_usd_per_1m"])
            if inp is None or out is None:
                skipped.append(model)
                continue
            row = {"model": model}
            provider = provider_of(model, r["match_pattern"])
            if provider:
                row["provider"] = provider
            names = enumerate_pattern(r["match_pattern"]) or []
            if provider == "anthropic":
                # Anthropic's API never writes versions with a dot (claude-3-7-sonnet-20250219), while some
                # rows of the source do (claude-3.7-sonnet-20250219): list the API spelling too.
                names += [re.sub(r"(\d)\.(\d)", r"\1-\2", n) for n in names + [model]]
            aliases = sorted({PROVIDER_PREFIX.sub("", n).lower() for n in names} - {model.lower()})
            aliases = [a for a in aliases if not PROVIDER_PREFIX.match(a)][:MAX_ALIASES]
            if aliases:
                row["aliases"] = aliases
            row["input_usd_per_1m"] = inp
            if number(r["cached_input_usd_per_1m"]) is not None:
                row["cached_input_usd_per_1m"] = number(r["cached_input_usd_per_1m"])
            if number(r["cache_write_usd_per_1m"]) is not None:
                row["cache_write_usd_per_1m"] = number(r["cache_write_usd_per_1m"])
            row["output_usd_per_1m"] = out
            tiers = parse_tiers(r["other_tiers"])
            if tiers:
                row["tiers"] = tiers
            row["source"] = SOURCE
            row["as_of"] = r["updated"].strip()
            rows.append(row)
            claimed.setdefault(model.lower(), []).append(model)

    # A name claimed by two rows goes to the row it names; an alias claimed twice is dropped from both.
    alias_owners = {}
    for row in rows:
        for a in row.get("aliases", []):
            alias_owners.setdefault(a, []).append(row["model"])
    for row in rows:
        if "aliases" in row:
            kept = [a for a in row["aliases"] if a not in claimed and len(alias_owners[a]) == 1]
            if kept:
                row["aliases"] = kept
            else:
                del row["aliases"]

    table = {
        "description": "USD per 1M tokens. Generated by generate-model-prices.py from model-prices.csv; do not edit by hand.",
        "source": SOURCE,
        "models": rows,
    }
    target = os.path.join(here, "model-prices.json")
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        json.dump(table, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{len(rows)} rows written to {target}; skipped (no per-token price): {', '.join(skipped)}")


if __name__ == "__main__":
    main()
