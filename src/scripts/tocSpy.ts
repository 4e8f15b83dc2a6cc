// Marks the table-of-contents link of the section being read (aria-current) as its heading
// enters the top third of the viewport. Without it the table of contents works the same.
export function bootTocSpy(): void {
  const links = document.querySelectorAll<HTMLAnchorElement>('[data-toc] a');
  const observer = new IntersectionObserver(
    (seen) => {
      for (const e of seen) {
        if (e.isIntersecting) for (const a of links) a.ariaCurrent = decodeURIComponent(a.hash.slice(1)) === e.target.id ? 'true' : null;
      }
    },
    { rootMargin: '0px 0px -66% 0px' },
  );
  for (const a of links) {
    const heading = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    if (heading) observer.observe(heading);
  }
}
