// On every entry page: a reader who arrived on a type's reading path (`?path=`, the test
// first-paint.js makes too) gets it from readerPath.ts, loaded only then. The list shows the
// entry being read without script (`scroll-initial-target` in site.css).
export function bootPathNav(): void {
  if (/[?&]path=/.test(location.search)) void import('./readerPath').then((m) => m.showReaderPath());
}
