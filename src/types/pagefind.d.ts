/**
 * The part of Pagefind's browser API the site uses. `/pagefind/pagefind.js` exists only after
 * the build, so it is typed by hand and imported through a URL held in a variable.
 */
export interface PagefindWeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  weighted_locations: PagefindWeightedLocation[];
  anchor?: { element: string; id: string; text: string; location: number };
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; [key: string]: string | undefined };
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
  debouncedSearch(query: string, options?: unknown, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}
