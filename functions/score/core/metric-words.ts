/**
 * A metric name split into lower-case words, padded with a space each side so a pattern
 * can ask for whole words: `CPUCreditBalance` → ` cpu credit balance `,
 * `IPAllocationFailures` → ` ip allocation failures `,
 * `node_filesystem_avail_bytes` → ` node filesystem avail bytes `. An acronym ends where
 * the next capitalised word begins, so CloudWatch's camel case and Prometheus' snake case
 * read alike; every reading of a name's words goes through here, so no two readers split
 * the same name differently.
 */
export const wordsOf = (name: string): string =>
  ` ${name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
