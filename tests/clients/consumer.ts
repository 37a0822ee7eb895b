// A small client of both API documents, compiled by scripts/check-api-clients with
// `tsc --strict --noEmit` against the types openapi-typescript generates into
// ./generated/ (not committed). It only has to type-check: if a schema stops
// telling item kinds apart, or drops a field this reads, compilation fails.
import type { components as V2, paths as V2Paths } from "./generated/v2";
import type { paths as V3Paths } from "./generated/v3";

// --- API v2: /api/v2/items/, every kind in one listing, told apart by `kind`.

type ItemsListing =
  V2Paths["/items/"]["get"]["responses"]["200"]["content"]["application/json"];
type Item = ItemsListing["items"][number];

export function webinarStarts(listing: ItemsListing): string[] {
  const starts: string[] = [];
  for (const item of listing.items) {
    if (item.kind === "webinar") {
      // Narrowed by the discriminator: only a webinar's schema has `starts_at`.
      const webinar: V2["schemas"]["WebinarPageItem"] = item;
      if (webinar.starts_at !== undefined) starts.push(item.starts_at ?? "");
    }
  }
  return starts;
}

export function startsWithoutNarrowing(item: Item): unknown {
  // @ts-expect-error: news items have no `starts_at`, so the union does not either.
  return item.starts_at;
}

export async function upcomingWebinars(base: string): Promise<string[]> {
  const query: V2Paths["/items/"]["get"]["parameters"]["query"] = {
    kind: "webinar",
    upcoming: true,
    limit: 10,
  };
  const search = new URLSearchParams(
    Object.entries(query ?? {}).map(([name, value]) => [name, String(value)]),
  );
  const response = await fetch(`${base}/api/v2/items/?${search}`);
  return webinarStarts((await response.json()) as ItemsListing);
}

// --- API v3: /api/v3/items/, the same listing as a union discriminated by `kind`.

type V3ItemsListing =
  V3Paths["/api/v3/items/"]["get"]["responses"]["200"]["content"]["application/json"];
type V3Item = V3ItemsListing["items"][number];

export function v3WebinarStarts(listing: V3ItemsListing): string[] {
  return listing.items.flatMap((item) =>
    // Narrowed by `kind`: only the webinar member of the union has `starts_at`.
    item.kind === "webinar" ? [item.starts_at] : [],
  );
}

export function v3StartsWithoutNarrowing(item: V3Item): unknown {
  // @ts-expect-error: news items have no `starts_at`, so the union does not either.
  return item.starts_at;
}

// --- API v3: Wagtail's own pages endpoint, with our page types typed.

type V3Page =
  V3Paths["/api/v3/pages/{page_id}/"]["get"]["responses"]["200"]["content"]["application/json"];
type V3PageListing =
  V3Paths["/api/v3/pages/"]["get"]["responses"]["200"]["content"]["application/json"];

export function v3WebinarStart(page: V3Page): string | null {
  // v3's page types carry no shared discriminator property; `in` narrows the union.
  return "starts_at" in page ? page.starts_at : null;
}

export function v3Titles(listing: V3PageListing): string[] {
  return listing.items.map((page) => `${page.id}: ${page.title} (${page.meta.slug})`);
}
