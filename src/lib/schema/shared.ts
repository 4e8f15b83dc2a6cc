import { z } from 'astro/zod';

/** Lowercase kebab-case, the form scaffold uses for entry, step and overlay names. */
export const KEBAB_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const KebabNameSchema = () =>
  z.string().regex(KEBAB_NAME, { error: 'expected lowercase kebab-case (a-z, 0-9, single hyphens)' });

/**
 * YAML turns `2026-06-05` into a Date; quoted dates stay strings. Both mean a calendar day,
 * so both normalise to `YYYY-MM-DD` and the rest of the site sees one shape.
 */
export const CalendarDateSchema = () =>
  z.union([
    z.date().transform((d) => d.toISOString().slice(0, 10)),
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' }),
  ]);

export const StringListSchema = () => z.array(z.string());

/** A heading id as it appears after `#`: no whitespace, no `#`. */
export const AnchorIdSchema = () => z.string().regex(/^[^\s#]+$/, { error: 'expected a heading id (no spaces or #)' });

export const AnchorAliasesSchema = () => z.record(AnchorIdSchema(), AnchorIdSchema());
