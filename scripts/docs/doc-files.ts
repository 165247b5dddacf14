/** The docs that hold generated tables, relative to the project root. */
export const DOC_FILES = ['README.md', 'docs/operator-guide.md', 'docs/architecture.md'] as const
