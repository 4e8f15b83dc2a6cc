import type { APIRoute } from 'astro';
import { getSite } from '../content';

export const GET: APIRoute = async () => {
  const { links } = await getSite();
  // A sitemap line must be absolute, so it exists only when SITE_URL gives an origin.
  const lines = ['User-agent: *', 'Allow: /', ...(links.origin ? ['', `Sitemap: ${links.absolute(links.sitemap())}`] : []), ''];
  return new Response(lines.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
