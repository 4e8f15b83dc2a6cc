// Adds a copy button to each code block's bar (rendered by renderBody's fence rule). Without
// JavaScript there is no button, rather than one that cannot work. Copying itself is the copy
// links' job (copyLinks.ts): one clipboard path, one announcement for screen readers.
export function bootCodeCopy(): void {
  for (const bar of document.querySelectorAll('.code-bar')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = 'Copy';
    button.ariaLabel = `Copy ${bar.textContent} code`;
    button.dataset.copy = 'code';
    bar.append(button);
  }
}
