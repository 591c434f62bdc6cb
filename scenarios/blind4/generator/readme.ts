export const README_HEAD = `# blind4: a blind evaluation suite\n`;
