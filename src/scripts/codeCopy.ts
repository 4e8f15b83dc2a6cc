// Adds a copy button to each code block's bar (rendered by renderBody's fence rule). Without
// JavaScript there is no button, rather than one that cannot work.
export function bootCodeCopy(): void {
  for (const bar of document.querySelectorAll('.code-bar')) {
    const button = document.createElement('button');
    button.className = 'copy';
    button.textContent = 'Copy';
    button.ariaLabel = `Copy ${bar.textContent} code`;
    button.onclick = () =>
      navigator.clipboard.writeText(bar.nextElementSibling!.textContent!).then(() => {
        button.textContent = 'Copied';
        setTimeout(() => (button.textContent = 'Copy'), 2e3);
      });
    bar.append(button);
  }
}
