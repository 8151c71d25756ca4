// A troubleshooting heading is the explanation's first sentence, whole: a sentence ends at a full stop followed by
// a space or the end, never at the dots of `127.0.0.1`, `0.19` or `23.0`, nor at a colon.
export function troubleshootingHeading(explanation: string): string {
  const m = /^(.+?[^.])\.(?=\s|$)/s.exec(explanation.trim());
  return (m ? m[1]! : explanation.trim().replace(/\.$/, '')).replace(/\s+/g, ' ');
}
