// --error FILE|- (doctor, plan, why): the pasted build error, read with a bounded memory. A build log can be
// endless (docker build … 2>&1 | buildproxy why), so only its tail is kept: the error is at the end.
import { createReadStream, statSync } from 'node:fs';
import { UsageError } from './errors.js';

/** Bytes kept from the end of the input: four times what the reader looks at, for multi-byte text. */
export const ERROR_INPUT_TAIL = 256 * 1024;

export async function readTail(stream: NodeJS.ReadableStream, max = ERROR_INPUT_TAIL): Promise<string> {
  let chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
    chunks.push(b);
    size += b.length;
    if (size > 2 * max) {
      const all = Buffer.concat(chunks);
      chunks = [all.subarray(all.length - max)];
      size = max;
    }
  }
  const all = Buffer.concat(chunks);
  // Cut at a character boundary: drop UTF-8 continuation bytes at the start of the kept tail.
  let start = Math.max(0, all.length - max);
  while (start < all.length && start > 0 && (all[start]! & 0xc0) === 0x80) start++;
  return all.subarray(start).toString('utf8');
}

/** The text of --error: "-" is stdin, anything else a file (a regular file or a pipe such as <(…)). */
export async function readErrorInput(
  spec: string,
  stdin: NodeJS.ReadableStream,
  stdinIsTTY: boolean,
): Promise<string> {
  if (spec === '-') {
    if (stdinIsTTY)
      throw new UsageError(
        '--error - reads the error from stdin, and stdin is a terminal',
        'fix: pipe the build output in (docker build . 2>&1 | buildproxy … --error -), or give a file',
      );
    return readTail(stdin);
  }
  let kind: string;
  try {
    const st = statSync(spec);
    kind = st.isFile()
      ? 'file'
      : st.isFIFO() || st.isCharacterDevice()
        ? 'pipe'
        : st.isDirectory()
          ? 'directory'
          : 'other';
  } catch (e) {
    throw new UsageError(
      `cannot read the error file ${spec}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      'fix: save the build output to a file (docker build . 2>&1 | tee build.log) and pass --error build.log',
    );
  }
  if (kind !== 'file' && kind !== 'pipe')
    throw new UsageError(
      `--error ${spec} is a ${kind}, not a file`,
      'fix: give the file with the build output',
    );
  try {
    return await readTail(createReadStream(spec));
  } catch (e) {
    throw new UsageError(
      `cannot read the error file ${spec}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      'fix: check the file is readable by you',
    );
  }
}
