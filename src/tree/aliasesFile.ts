import { readFileSync } from 'node:fs';
import { parseSiteAliases, type SiteAliasesFile } from '../lib/kb/aliases';
import type { Problem } from '../lib/kb/problems';

/** Reads `KB_ALIASES`; every problem names the file as the author gave it. */
export function readSiteAliases(path: string, shownAs = path): SiteAliasesFile | Problem[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [{ file: shownAs, expected: 'expected a readable YAML file (KB_ALIASES)', found: 'no such file' }];
  }
  return parseSiteAliases(text, shownAs);
}
