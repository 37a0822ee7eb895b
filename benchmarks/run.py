"""`make bench`: the listing at 1k, 10k and 100k items against stock Wagtail and raw SQL.

    DATABASE_URL=postgres://…/perf_bench DJANGO_SETTINGS_MODULE=benchmarks.settings \
        python -m benchmarks.run [--rounds 30] [--sizes 1000,10000,100000]

Requests run in-process through Django's test Client (full middleware and
URL routing, no network), interleaved across sizes and cases, after warm-up
rounds. "cold" clears the response cache before each request (the uncached
cost); "warm" repeats the request so the version-keyed cache answers.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import django


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results"))
    args = parser.parse_args()
    django.setup()

    from django.db import connection

    from .cases import cases_for, explain_listing
    from .measure import run_interleaved
    from .population import populate
    from .report import ratios, table

    started = time.perf_counter()
    sizes = tuple(int(size) for size in args.sizes.split(","))
    topics, imports = populate(sizes)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    cases_by_size = {size: cases_for(topics[size], size) for size in sizes}
    results = run_interleaved(cases_by_size, rounds=args.rounds, warmup=args.warmup)
    plans = {size: explain_listing(topics[size]) for size in sizes}

    report = {
        "method": (
            f"in-process Django test Client, DEBUG off, PostgreSQL; {args.warmup} warm-up "
            f"rounds then {args.rounds} interleaved rounds; cold = after a content version bump "
            "(response cache misses), warm = repeated request answered from the cache"
        ),
        "results": [
            {"size": size, "case": name, "mode": mode, **summary}
            for (size, name, mode), summary in results.items()
        ],
        "ratios": ratios(results, sizes),
        "imports": imports,
        "listing_plans": plans,
        "seconds": None,
    }
    report["seconds"] = round(time.perf_counter() - started)
    text = table(report, sizes)
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (out / "bench.txt").write_text(text + "\n")
    # A measurement, not a test: targets not met are reported in the table, not as a failure.
    return 0


if __name__ == "__main__":
    sys.exit(main())
