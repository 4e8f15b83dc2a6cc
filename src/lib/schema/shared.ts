import { z } from 'astro/zod';
import { isSafeUrl, SAFE_URL_EXPECTATION } from '../safeUrl';

/** Lowercase kebab-case, the form scaffold uses for entry, step and overlay names. */
export const KEBAB_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const KebabNameSchema = () =>
  z.string().regex(KEBAB_NAME, { error: 'expected lowercase kebab-case (a-z, 0-9, single hyphens)' });

/** True for a day that exists: `2024-02-29` yes, `2023-02-29` and `2024-13-45` no. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A calendar day as `YYYY-MM-DD`. js-yaml 5's core schema keeps dates as strings, so the
 * text is checked as written; a Date (from other loaders) is normalised to the same shape.
 * Impossible days are refused rather than rolled over (`2024-13-45` is not 2025-02-14).
 */
export const CalendarDateSchema = () =>
  z.union([
    z.date().transform((d) => d.toISOString().slice(0, 10)),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' })
      .refine(isCalendarDate, { error: 'expected a real calendar date as YYYY-MM-DD' }),
  ]);

export const StringListSchema = () => z.array(z.string());

/** Any URL a content field holds: the allow-list in safeUrl.ts, so no field can carry `javascript:`. */
export const SafeUrlSchema = () =>
  z.string().min(1).refine(isSafeUrl, { error: SAFE_URL_EXPECTATION });

/** A heading id as it appears after `#`: no whitespace, no `#`. */
export const AnchorIdSchema = () => z.string().regex(/^[^\s#]+$/, { error: 'expected a heading id (no spaces or #)' });

export const AnchorAliasesSchema = () => z.record(AnchorIdSchema(), AnchorIdSchema());
