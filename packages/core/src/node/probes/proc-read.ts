// Reading /proc tables: procfs files report size 0, so they are read in chunks until EOF or a cap. A TCP table is
// read only as far as its listeners: the kernel lists listening sockets first, and reading on makes it walk its
// whole connection hash (262 144 buckets, ~3.5 ms of CPU per file on a 24 GiB machine) for rows nobody keeps.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isConnectionRow } from '../../formats/proc-net.js';

export const CHUNK = 64 * 1024;

/**
 * The chunks read so far, and whether reading may stop: at the cap, or, for a listeners-only read, after the
 * first complete row that is not LISTEN. Each line is looked at once, however many chunks it takes.
 */
export class ProcChunks {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private pending = ''; // listeners only: the start of a line not yet complete

  constructor(
    private readonly cap: number,
    private readonly listenersOnly: boolean,
  ) {}

  /** Bytes still allowed before the cap. */
  room(): number {
    return this.cap - this.size;
  }

  /** Add a chunk (copied); true when reading may stop. */
  add(chunk: Buffer): boolean {
    this.chunks.push(Buffer.from(chunk));
    this.size += chunk.length;
    if (this.size >= this.cap) return true;
    if (!this.listenersOnly) return false;
    // TCP tables are ASCII: latin1 keeps one character per byte
    const lines = (this.pending + chunk.toString('latin1')).split('\n');
    this.pending = lines.pop()!;
    return lines.some(isConnectionRow);
  }

  text(encoding: 'utf8' | 'latin1'): string {
    return Buffer.concat(this.chunks, this.size).toString(encoding);
  }
}

/**
 * A /proc file read synchronously, at most `cap` bytes, in chunks (no buffer of the cap's size is allocated and
 * zeroed up front); opened non-blocking, not through a symlink (a --root tree's link to this host's /proc is not
 * the tree's), and a regular file only (a FIFO planted in a --root tree cannot block). Throws when it cannot be
 * opened or is not a regular file.
 */
export function readProcSync(
  path: string,
  cap: number,
  o: { listenersOnly?: boolean; encoding?: 'utf8' | 'latin1' } = {},
): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${path}: not a regular file`);
    const got = new ProcChunks(cap, o.listenersOnly ?? false);
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, cap));
    for (;;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, got.room()), null);
      if (n === 0 || got.add(buf.subarray(0, n))) break;
    }
    return got.text(o.encoding ?? 'utf8');
  } finally {
    closeSync(fd);
  }
}
