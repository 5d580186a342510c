/**
 * A one-line progress display on stderr, rewritten in place — only when stderr is a terminal and not --quiet,
 * so logs and pipes never fill with progress bars.
 */
import { terminalSafe } from '../reports/sanitize.js';

export interface Progress {
  update(p: { path: string; bytesRead: number; bytes: number }): void;
  done(): void;
}

const MB = 1024 * 1024;

export function createProgress(enabled: boolean, width: number): Progress {
  if (!enabled) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update({ path, bytesRead, bytes }) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const share = bytes > 0 ? Math.min(1, bytesRead / bytes) : 0;
      const barWidth = 20;
      const filled = Math.round(share * barWidth);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
      const size = `${(bytesRead / MB).toFixed(1)}/${(bytes / MB).toFixed(1)} MB`;
      const name = terminalSafe(path);
      const room = Math.max(10, width - barWidth - size.length - 16);
      const label = name.length > room ? `…${name.slice(-room + 1)}` : name;
      process.stderr.write(`\r\x1b[2KReading ${label} ${bar} ${size}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
