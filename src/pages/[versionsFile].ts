import type { APIRoute } from 'astro';
import { getSite } from '../content';
import { VERSIONED_SITE_FILES, versionsIndex } from '../lib/versions/versionsIndex';
import { changesFeed } from '../lib/versions/changesFeed';
import versionsCss from '../styles/versions.css?raw';
import versionsJs from '../browser/versions.js?raw';

/**
 * Files a versioned site has once, at today's base: the list of versions, and the stylesheet
 * and script of the version bar. A site without KB_VERSIONS has none of them, so its output
 * stays what it was.
 */
const FILES = VERSIONED_SITE_FILES;
type VersionsFile = keyof typeof FILES;

export async function getStaticPaths() {
  const site = await getSite();
  return site.versions.length ? Object.keys(FILES).map((versionsFile) => ({ params: { versionsFile } })) : [];
}

export const GET: APIRoute = async ({ params }) => {
  const file = params.versionsFile as VersionsFile;
  const site = await getSite();
  const bodies: Record<VersionsFile, () => string> = {
    'versions.json': () => versionsIndex(site.versions, site.latestLinks, site.releaseLinks),
    'versions.css': () => versionsCss,
    'versions.js': () => versionsJs,
    'changes.atom': () => changesFeed(site),
  };
  const body = bodies[file]();
  return new Response(body, { headers: { 'content-type': FILES[file] } });
};
