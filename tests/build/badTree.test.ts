import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { entry, goodTree } from '../helpers/tempTree';

describe('building a tree with problems', () => {
  it('should fail the build and name each file, field, found and expected value', () => {
    const root = goodTree({
      'knowledge/core/alpha.md': '---\nname: alpha\ndescription: ""\ntopics: [a]\n---\n',
      'knowledge/core/beta.md': entry('gamma'),
      'methodology/web-app-overlay.yml': 'name: web-app\ndescription: d\nproject-type: web-app\nknowledge-overrides:\n  tdd:\n    append: [nowhere]\n',
    });
    const out = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', `${root}/dist`], {
      env: { ...process.env, KB_CONTENT_DIR: root, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    // Astro renders the **field** markers as bold; compare the plain text.
    const text = (out.stdout + out.stderr).replace(/\u001b\[[0-9;]*m/g, '').replace(/\*\*/g, '');
    expect(out.status).not.toBe(0);
    expect(text).toContain('has 3 problems');
    expect(text).toContain('knowledge/core/alpha.md — description: expected a non-empty string; found an empty string');
    expect(text).toContain('knowledge/core/beta.md — name: expected "beta" (the file name); found "gamma"');
    expect(text).toContain('methodology/web-app-overlay.yml — knowledge-overrides.tdd.append.0: expected the name of a knowledge entry; found "nowhere"');
  }, 120_000);
});
