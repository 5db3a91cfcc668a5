/** Print buttons: shown only where a script can print, since without one they would do nothing. */
export function setUpPrintButtons(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
    b.hidden = false
    b.addEventListener('click', () => print())
  }
}
