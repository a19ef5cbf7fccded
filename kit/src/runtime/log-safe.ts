/**
 * What a log line may say about an error: its class and, for a database
 * error, its SQLSTATE code. Never its message: the ORM's message quotes the
 * statement's parameters (names, birth dates, identity numbers), and a
 * driver's detail can quote a row.
 */
export function errorSummary(error: unknown): string {
  const name = error instanceof Error ? error.name || 'Error' : typeof error;
  // drizzle wraps the driver's error (postgres.js or PGlite) as `cause`; the SQLSTATE is on the driver's.
  let code: string | undefined;
  let current: unknown = error;
  for (let i = 0; i < 4 && current !== null && typeof current === 'object'; i += 1) {
    const c = (current as { code?: unknown }).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) {
      code = c;
      break;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return code ? `${name} (SQLSTATE ${code})` : name;
}
