// Saves a file the server built: a Blob behind an object URL, clicked through a temporary <a download>.

export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers read the URL after click() returns; let them before it goes.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
