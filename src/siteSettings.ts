/**
 * The one place that reads the site's settings from `process.env`; everything else takes
 * them from here (astro.config.mjs, the content config, integrations, scripts). Parsed once
 * per module instance, which for Astro means once per process and bundle.
 * A bad value ends the process with the settings problem list and no stack trace: nothing
 * has started yet, and a trace would only point at our files.
 */
import { parseSettings, SettingsError, type Settings } from './lib/settings.ts';

let cached: Settings | undefined;

export function siteSettings(): Settings {
  if (cached) return cached;
  try {
    cached = parseSettings(process.env, process.cwd());
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  return cached;
}
