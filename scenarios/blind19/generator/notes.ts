/* Prose for the README that is not a table row. */
export const BLIND = `TODO`;
export const DEBATABLE = `TODO`;
