// Peak memory of a build as the machine feels it: the resident sets of the build and every
// process it started, summed, sampled every 100 ms. GNU time's figure is the largest single
// process it reaped, and misses children that are killed at the end, as Pagefind's service is.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

function processes() {
  const all = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command sits in parentheses and may hold spaces; the fields after it are fixed.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const rssPages = Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]);
      all.push({ pid: Number(name), ppid: Number(fields[1]), comm, rssKb: rssPages * PAGE_KB });
    } catch {
      // The process ended while we read it.
    }
  }
  return all;
}

function tree(rootPid) {
  const all = processes();
  const kids = new Map();
  for (const p of all) kids.set(p.ppid, [...(kids.get(p.ppid) ?? []), p]);
  const out = all.filter((p) => p.pid === rootPid);
  for (let i = 0; i < out.length; i++) out.push(...(kids.get(out[i].pid) ?? []));
  return out;
}

/** Samples until `stop()`, which returns the peak sum and each command's own peak, in MB. */
export function sampleTree(rootPid, intervalMs = 100) {
  let peakKb = 0;
  const byComm = {};
  const tick = () => {
    const procs = tree(rootPid);
    peakKb = Math.max(peakKb, procs.reduce((n, p) => n + p.rssKb, 0));
    for (const p of procs) byComm[p.comm] = Math.max(byComm[p.comm] ?? 0, p.rssKb);
  };
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakTreeMb: Math.round(peakKb / 1024), peakByCommandMb: Object.fromEntries(Object.entries(byComm).map(([k, v]) => [k, Math.round(v / 1024)])) };
    },
  };
}
