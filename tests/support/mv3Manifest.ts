/**
 * The Manifest V3 rules that content/knowledge/browser-extension/browser-extension-manifest.md states in
 * "Rules every MV3 manifest follows", as a checker for the manifest samples in the entries.
 * Returns one message per broken rule; an empty list means the manifest follows all of them.
 */
export function mv3Problems(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return ['manifest is not a JSON object'];
  const m = manifest as Record<string, unknown>;
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

  // 1. manifest_version is the number 3.
  if (m.manifest_version !== 3) problems.push(`rule 1: manifest_version must be the number 3, found ${JSON.stringify(m.manifest_version)}`);

  // 2. name at most 75 characters (short_name within 12).
  if (typeof m.name !== 'string' || !m.name) problems.push('rule 2: name must be a non-empty string');
  else if (m.name.length > 75) problems.push(`rule 2: name has ${m.name.length} characters, at most 75 allowed`);
  if (m.short_name !== undefined && (typeof m.short_name !== 'string' || m.short_name.length > 12)) {
    problems.push(`rule 2: short_name must be a string of at most 12 characters, found ${JSON.stringify(m.short_name)}`);
  }

  // 3. version: 1–4 dot-separated integers 0–65535, no leading zeros.
  const version = m.version;
  const parts = typeof version === 'string' ? version.split('.') : [];
  const okVersion =
    parts.length >= 1 && parts.length <= 4 && parts.every((p) => /^(0|[1-9]\d*)$/.test(p) && Number(p) <= 65535);
  if (!okVersion) problems.push(`rule 3: version must be 1–4 dot-separated integers 0–65535 without leading zeros, found ${JSON.stringify(version)}`);

  // 4. description at most 132 characters.
  if (m.description !== undefined) {
    if (typeof m.description !== 'string') problems.push('rule 4: description must be a string');
    else if (m.description.length > 132) problems.push(`rule 4: description has ${m.description.length} characters, at most 132 allowed`);
  }

  // 5. action, never browser_action / page_action.
  for (const key of ['browser_action', 'page_action']) {
    if (key in m) problems.push(`rule 5: ${key} is an MV2 key; use action`);
  }

  // 6. background.service_worker is one string; no background.page / persistent.
  if (m.background !== undefined) {
    if (!isObject(m.background)) problems.push('rule 6: background must be an object');
    else {
      const bg = m.background;
      if ('service_worker' in bg && typeof bg.service_worker !== 'string') {
        problems.push(`rule 6: background.service_worker must be a string, found ${JSON.stringify(bg.service_worker)}`);
      }
      if ('scripts' in bg && (!Array.isArray(bg.scripts) || !bg.scripts.every((s) => typeof s === 'string'))) {
        problems.push('rule 6: background.scripts must be an array of strings');
      }
      for (const key of ['page', 'persistent']) if (key in bg) problems.push(`rule 6: background.${key} is not used in MV3`);
    }
  }

  // 7. Host patterns only in host_permissions / optional_host_permissions.
  const hostPattern = (p: unknown) => typeof p === 'string' && (p === '<all_urls>' || p.includes('://') || p.startsWith('*'));
  for (const key of ['permissions', 'optional_permissions']) {
    const list = m[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`rule 7: ${key} must be an array`);
      continue;
    }
    for (const p of list.filter(hostPattern)) problems.push(`rule 7: host pattern ${JSON.stringify(p)} in ${key}; it belongs in host_permissions`);
  }
  for (const key of ['host_permissions', 'optional_host_permissions']) {
    const list = m[key];
    if (list !== undefined && (!Array.isArray(list) || !list.every(hostPattern))) {
      problems.push(`rule 7: ${key} must be an array of match patterns, found ${JSON.stringify(list)}`);
    }
  }

  // 8. web_accessible_resources: objects with resources and matches or extension_ids.
  const war = m.web_accessible_resources;
  if (war !== undefined) {
    if (!Array.isArray(war)) problems.push('rule 8: web_accessible_resources must be an array of objects');
    else {
      war.forEach((item, i) => {
        if (!isObject(item)) problems.push(`rule 8: web_accessible_resources[${i}] must be an object, found ${JSON.stringify(item)}`);
        else {
          if (!Array.isArray(item.resources)) problems.push(`rule 8: web_accessible_resources[${i}] needs a resources array`);
          if (!Array.isArray(item.matches) && !Array.isArray(item.extension_ids)) {
            problems.push(`rule 8: web_accessible_resources[${i}] needs matches or extension_ids`);
          }
        }
      });
    }
  }

  // 9. content_security_policy is an object with an extension_pages string (optionally sandbox).
  // 10. ... and it allows no remote script hosts, eval or inline script.
  const csp = m.content_security_policy;
  if (csp !== undefined) {
    if (!isObject(csp)) problems.push(`rule 9: content_security_policy must be an object, found ${JSON.stringify(csp)}`);
    else {
      if (typeof csp.extension_pages !== 'string') problems.push('rule 9: content_security_policy.extension_pages must be a string');
      for (const key of Object.keys(csp)) {
        if (key !== 'extension_pages' && key !== 'sandbox') problems.push(`rule 9: unknown content_security_policy key ${key}`);
      }
      const pages = typeof csp.extension_pages === 'string' ? csp.extension_pages : '';
      if (/https?:|'unsafe-eval'|'unsafe-inline'|(^|\s)\*(\s|;|$)/.test(pages)) {
        problems.push(`rule 10: content_security_policy.extension_pages allows remote or eval'd code: ${JSON.stringify(pages)}`);
      }
    }
  }
  return problems;
}
