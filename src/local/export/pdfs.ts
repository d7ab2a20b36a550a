/**
 * The certificate PDFs in the emulated Drive (those under an `Attestati <anno>` folder) written out in
 * their folder structure, e.g. `attestati/Attestati 2027/EXC-BASE-1/A4PA-2027-00001.pdf`. Files in the
 * trash and other PDFs (the sign-in sheets of `Registri presenze <anno>`) are left out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Workspace } from '../runtime/workspace';
import { hostDriveFile, PDF_MIME, snapshotDrive } from '../services/drive';

function safeSegment(segment: string): string {
  const printable = [...segment].map((ch) => (ch.charCodeAt(0) < 32 ? '_' : ch)).join('');
  return printable.replace(/[\\:*?"<>|]/g, '_').trim() || '_';
}

export function writeDrivePdfs(ws: Workspace, dir: string): string[] {
  const written: string[] = [];
  for (const f of snapshotDrive(ws)) {
    if (f.mimeType !== PDF_MIME || !f.path.startsWith('Attestati ')) continue;
    const file = hostDriveFile(ws, f.id);
    if (!file || file.trashed) continue;
    const path = f.path.split('/').map(safeSegment).join('/');
    const target = join(dir, path.toLowerCase().endsWith('.pdf') ? path : `${path}.pdf`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
    written.push(target);
  }
  return written;
}
