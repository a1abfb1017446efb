/** Save text as a file through the browser's download of a Blob URL. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** policylens-settings-2026-11-23.json */
export function exportFileName(now: Date = new Date()): string {
  return `policylens-settings-${now.toISOString().slice(0, 10)}.json`;
}
