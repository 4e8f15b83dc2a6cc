// Runs one command the way the benchmark measures builds: wall time, CPU and the largest single
// process from /usr/bin/time -v, and the peak of the whole process tree from sampling /proc.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sampleTree } from './processTree.mjs';

const hasTime = existsSync('/usr/bin/time');
const num = (re, text) => {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
};
const round2 = (x) => Math.round(x * 100) / 100;

export function measuredRun(cmd, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(hasTime ? '/usr/bin/time' : cmd[0], hasTime ? ['-v', ...cmd] : cmd.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = sampleTree(child.pid);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const wallS = round2((performance.now() - started) / 1000);
      const tree = sampler.stop();
      resolve({
        status,
        out,
        wallS,
        cpuS: hasTime ? round2((num(/User time \(seconds\): ([\d.]+)/, out) ?? 0) + (num(/System time \(seconds\): ([\d.]+)/, out) ?? 0)) : undefined,
        peakRssMb: hasTime ? Math.round((num(/Maximum resident set size \(kbytes\): (\d+)/, out) ?? 0) / 1024) : undefined,
        ...tree,
      });
    });
  });
}
