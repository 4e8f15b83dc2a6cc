/** The collections one read of the tree feeds (src/content.config.ts). */
export const SLICES = ['entries', 'steps', 'domains', 'meta'] as const;
export type Slice = (typeof SLICES)[number];
