import type { ChangeCounts, TypeChanges } from './changes';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One group of counts as a phrase: the noun goes with the first non-zero count only, as people
 * write it ("2 entries added, 3 changed"). Empty when every count is zero.
 */
function phrase(noun: [string, string], parts: [number, string][]): string {
  const shown = parts.filter(([n]) => n > 0);
  return shown.map(([n, verb], i) => (i === 0 ? `${plural(n, ...noun)} ${verb}` : `${n} ${verb}`)).join(', ');
}

function countsPhrases(c: ChangeCounts): string[] {
  return [
    phrase(['entry', 'entries'], [
      [c.entriesAdded, 'added'],
      [c.entriesRemoved, 'removed'],
      [c.entriesRenamed, 'renamed'],
      [c.entriesChanged, 'changed'],
    ]),
    phrase(['step injection', 'step injections'], [
      [c.injectionsAdded, 'added'],
      [c.injectionsRemoved, 'removed'],
    ]),
    phrase(['step override', 'step overrides'], [[c.stepOverridesSwitched, 'switched']]),
    phrase(['config option', 'config options'], [
      [c.configOptionsAdded, 'added'],
      [c.configOptionsRemoved, 'removed'],
    ]),
    phrase(['config default', 'config defaults'], [[c.configDefaultsChanged, 'changed']]),
  ].filter(Boolean);
}

/** One plain sentence for a feed entry or a list: "2 entries added, 3 changed, 1 step override switched." */
export function changesSummary(changes: Pick<TypeChanges, 'status' | 'counts'>): string {
  const parts = countsPhrases(changes.counts);
  const lead = changes.status === 'added' ? 'New project type' : changes.status === 'removed' ? 'Project type removed' : '';
  if (!parts.length) return lead ? `${lead}.` : 'No changes.';
  const list = parts.join(', ');
  return lead ? `${lead}: ${list}.` : `${list[0].toUpperCase()}${list.slice(1)}.`;
}
