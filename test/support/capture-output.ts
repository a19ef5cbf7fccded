/** What a test captured of the process's output. */
export interface CapturedOutput {
  /** Everything written so far. */
  text(): string;
  /** Puts the original writers back. */
  restore(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Captures every line this process prints from now on: `process.stdout` and
 * `process.stderr` writes and every `console` method (vitest routes the
 * console around the streams), so a test can grep what the in-process hub
 * logged. Nothing captured is printed.
 */
export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const record = (chunk: unknown) => chunks.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const originals = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  const writer = (chunk: unknown, ...rest: unknown[]) => {
    record(chunk);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  process.stdout.write = writer;
  process.stderr.write = writer;
  for (const m of CONSOLE_METHODS)
    console[m] = (...args: unknown[]) =>
      record(`${args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}\n${a.stack}` : JSON.stringify(a))).join(' ')}\n`);
  return {
    text: () => chunks.join(''),
    restore() {
      process.stdout.write = stdoutWrite;
      process.stderr.write = stderrWrite;
      for (const [m, f] of originals) console[m] = f;
    },
  };
}
