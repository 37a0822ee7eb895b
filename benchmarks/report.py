"""The bench's table and the issue's targets, checked."""


def label(size):
    return f"{size // 1000}k"


def ratios(results, sizes):
    """Each target of issues 5 and 14 at the largest size, with the measured value."""
    big, small = max(sizes), min(sizes)

    def p50(size, case, mode="cold"):
        return results[(size, case, mode)]["p50_ms"]

    def queries(size, case, mode="cold"):
        return results[(size, case, mode)]["queries"]

    cursor_case = next(
        name for (size, name, _) in results if size == big and name.startswith("items cursor")
    )
    html_cases = sorted({name for (_, name, _) in results if name.startswith("HTML")})
    stock = p50(big, "stock v2 pages")
    v3 = p50(big, "v3 items page 1")

    def max_queries(case):
        return max(queries(s, case) for s in sizes)

    rows = [
        (
            "items listing queries (cold, every size)",
            max(queries(s, "items page 1") for s in sizes),
            "<=",
            3,
        ),
        (
            "topic detail queries (cold, every size)",
            max(queries(s, "topic detail") for s in sizes),
            "<=",
            3,
        ),
        (
            "HTML topic page queries (cold, every size and page)",
            max(
                queries(s, name)
                for s in sizes
                for name in html_cases
                if (s, name, "cold") in results
            ),
            "<=",
            5,
        ),
        ("items p50 / stock v2 p50 (cold)", p50(big, "items page 1") / stock, "<=", 0.2),
        ("items p50 / stock v2 p50 (warm)", p50(big, "items page 1", "warm") / stock, "<=", 0.2),
        (
            f"items p50 at {label(big)} / at {label(small)} (cold)",
            p50(big, "items page 1") / p50(small, "items page 1"),
            "<=",
            1.2,
        ),
        (
            "cursor page 200 / page 1 p50 (cold)",
            p50(big, cursor_case) / p50(big, "items page 1"),
            "<=",
            1.2,
        ),
        (
            "items p50 / raw SQL floor p50 (cold)",
            p50(big, "items page 1") / p50(big, "raw SQL floor"),
            "<=",
            3,
        ),
        (
            "items p50 / raw SQL floor p50 (warm)",
            p50(big, "items page 1", "warm") / p50(big, "raw SQL floor"),
            "<=",
            3,
        ),
        ("304 p50 / stock v2 p50", p50(big, "304 revalidation") / stock, "<=", 0.05),
        ("304 queries", queries(big, "304 revalidation"), "<=", 1),
        # Issue 14: API v3's items, and a topic's detail with every part.
        ("v3 items p50 / v2 items p50 (cold)", v3 / p50(big, "items page 1"), "<=", 1),
        ("v3 items p50 / raw SQL floor p50 (cold)", v3 / p50(big, "raw SQL floor"), "<=", 3),
        ("v3 items queries (cold, every size)", max_queries("v3 items page 1"), "<=", 3),
        (
            "topic detail, every part, queries (cold, every size)",
            max_queries("topic detail, every part"),
            "<=",
            5,
        ),
        (
            "topic detail, every part, queries at largest / smallest",
            queries(big, "topic detail, every part") / queries(small, "topic detail, every part"),
            "<=",
            1,
        ),
    ]
    return [
        {"target": name, "value": round(value, 3), "limit": f"{op} {limit}", "met": value <= limit}
        for name, value, op, limit in rows
    ]


def table(report, sizes):
    results = {(r["size"], r["case"], r["mode"]): r for r in report["results"]}
    names = []
    for _, name, _ in results:
        generic = _generic(name)
        if generic not in names:
            names.append(generic)
    header = f"{'request':<24} {'mode':<5}" + "".join(
        f" | {label(s) + ' p50 / p95 ms  q':>26}" for s in sizes
    )
    lines = [header, "-" * len(header)]
    for generic in names:
        for mode in ("cold", "warm"):
            cells, any_cell = [], False
            for size in sizes:
                row = next(
                    (
                        r
                        for (s, n, m), r in results.items()
                        if s == size and m == mode and _generic(n) == generic
                    ),
                    None,
                )
                if row:
                    any_cell = True
                    cells.append(
                        f"{row['p50_ms']:>8.2f} / {row['p95_ms']:>7.2f}  {row['queries']:>3}"
                    )
                else:
                    cells.append(f"{'—':>26}")
            if any_cell:
                lines.append(f"{generic:<24} {mode:<5}" + "".join(f" | {c:>26}" for c in cells))
    lines += ["", f"Targets at {label(max(sizes))} (p50 ratios within this run):"]
    for r in report["ratios"]:
        mark = "met" if r["met"] else "NOT MET"
        lines.append(f"  {r['target']:<52} {r['value']:>8} {r['limit']:<7} {mark}")
    lines.append("")
    for size, plan in report["listing_plans"].items():
        lines.append(
            f"Listing plan at {label(size)}: index scan on {plan['index']}, "
            f"seq scan on listable={plan['seq_scan_on_listable']}, "
            f"on pages={plan['seq_scan_on_pages']}, sort={plan['sorts']}"
        )
    for size, result in report["imports"].items():
        lines.append(
            f"Import of {result['pages']:,} items for the {label(size)} topic: "
            f"{result['pages_per_second']} pages/s end to end (process start included), "
            f"peak RSS so far {result['peak_rss_mb_of_largest_import_so_far']} MB"
        )
    lines.append(f"{report['method']}; whole run {report['seconds']} s")
    return "\n".join(lines)


def _generic(name):
    """'HTML page 100' and 'HTML page 200' share a row: the deepest page each size has."""
    for prefix in ("HTML page ", "items offset ", "items cursor page "):
        if name.startswith(prefix) and name != "HTML page 1":
            return prefix + "N"
    return name
