/**
 * YAML syntax errors in words of our own. The yaml library's messages quote the text they
 * stumble on (`Unresolved alias …: <name>`, `Invalid escape sequence <raw>`, `Not a valid tag:
 * <source>`), which is fine for the operator's own config and not for a file that is not one; so
 * a foreign file's syntax error is told by its code alone.
 */
import type { ErrorCode } from 'yaml'

const WORDS: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'an alias with an anchor or a tag',
  BAD_ALIAS: 'a malformed anchor or alias',
  BAD_COLLECTION_TYPE: 'a tag that does not fit its collection',
  BAD_DIRECTIVE: 'a malformed % directive',
  BAD_DQ_ESCAPE: 'a bad escape in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'an anchor or tag in the wrong place',
  BAD_SCALAR_START: 'a value starting with a reserved character',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection used as a key',
  BLOCK_IN_FLOW: 'a block collection inside a flow collection',
  DUPLICATE_KEY: 'a key written twice in one mapping',
  IMPOSSIBLE: 'text the YAML parser cannot read',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a missing quote, bracket, comma or colon',
  MULTILINE_IMPLICIT_KEY: 'a key that runs over several lines',
  MULTIPLE_ANCHORS: 'a node with two anchors',
  MULTIPLE_DOCS: 'more than one document (---)',
  MULTIPLE_TAGS: 'a node with two tags',
  NON_STRING_KEY: 'a key that is not a string',
  RESOURCE_EXHAUSTION: 'nesting or aliases too deep to read',
  TAB_AS_INDENT: 'a tab used as indentation',
  TAG_RESOLVE_FAILED: 'a tag that cannot be resolved',
  UNEXPECTED_TOKEN: 'an unexpected character'
}

/** What a syntax error is, without quoting the file: `bad indentation (BAD_INDENT)`. */
export function syntaxWords(code: ErrorCode): string {
  return `${WORDS[code] ?? 'a syntax error'} (${code})`
}
