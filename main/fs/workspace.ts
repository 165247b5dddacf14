/**
 * The workspace: the named folders a host (or a CLI run) may read files from. Every path a
 * client, a config or a command line names (configs, affordance registries, models, drill files,
 * and later snapshots) resolves here: relative to a base folder, with symlinks followed, and
 * must land inside a root; only then is the file stat'ed and read, as a regular file, with a size
 * bound. A path outside every root is refused as `fs.outside_workspace` before anything is looked
 * up there, so a refusal says nothing about what exists outside.
 */
import { realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { ErrorCode } from '../../shared/error-codes'
import { err, ok, type Result } from '../../shared/result'
import { decodeText, readBounded, type ReadProblemKind } from './read-bounded'

export interface WorkspaceRoot {
  /** What the operator calls it: "configs", "workspace", "app data". */
  name: string
  path: string
}

/** Plain data, so the roots can travel to a worker thread. */
export interface WorkspaceRoots {
  roots: WorkspaceRoot[]
}

/** Which error codes a caller's domain uses for a missing and for an unreadable file. */
export interface ReadCodes {
  notFound: ErrorCode
  unreadable: ErrorCode
}

export interface ReadRequest {
  /** Relative paths are taken from here (the working folder, or the folder of the config naming it). */
  base: string
  /** What the file is, for messages: "config", "affordance registry", "policy model". */
  what: string
  maxBytes: number
  codes: ReadCodes
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

export class Workspace {
  private constructor(
    readonly roots: readonly WorkspaceRoot[],
    /** Each root as given and as its real path (a root may itself sit behind a link). */
    private readonly bounds: readonly { root: WorkspaceRoot; given: string; real: string }[]
  ) {}

  /** Resolve each root once (a missing root still counts as itself: it simply holds nothing). */
  static async create(roots: readonly WorkspaceRoot[]): Promise<Workspace> {
    const bounds = await Promise.all(
      roots.map(async (root) => {
        const given = resolve(root.path)
        const real = await realpath(given).catch(() => given)
        return { root: { name: root.name, path: given }, given, real }
      })
    )
    return new Workspace(
      bounds.map((b) => b.root),
      bounds
    )
  }

  static fromJSON(json: WorkspaceRoots): Promise<Workspace> {
    return Workspace.create(json.roots)
  }

  toJSON(): WorkspaceRoots {
    return { roots: this.roots.map((r) => ({ ...r })) }
  }

  /** "configs (/app/configs), workspace (/home/op/town)": the roots, for messages. */
  describe(): string {
    return this.roots.map((r) => `${r.name} (${r.path})`).join(', ')
  }

  /** Whether an absolute path lies inside a root, lexically (nothing is looked up). */
  contains(path: string): boolean {
    return this.bounds.some((b) => inside(b.given, path) || inside(b.real, path))
  }

  /**
   * The real path of a file inside the workspace, or why not: outside every root (lexically, or
   * through a link), or missing. Whether it is a regular file is checked by `read*`.
   */
  async resolve(path: string, request: Pick<ReadRequest, 'base' | 'what' | 'codes'>): Promise<Result<string>> {
    if (path.includes('\0')) return err(request.codes.unreadable, `the ${request.what} path contains a NUL character`)
    const named = isAbsolute(path) ? resolve(path) : resolve(request.base, path)
    if (!this.contains(named)) return this.outside(named, request.what, false)
    let real: string
    try {
      real = await realpath(named)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return err(request.codes.notFound, `the ${request.what} ${named} does not exist: check the path`)
      return err(request.codes.unreadable, `the ${request.what} ${named} cannot be read (${code ?? 'error'})`)
    }
    if (!this.bounds.some((b) => inside(b.real, real))) return this.outside(named, request.what, true)
    return ok(real)
  }

  /** A file's bytes: resolved inside the workspace, a regular file, at most `maxBytes`. */
  async readBytes(path: string, request: ReadRequest): Promise<Result<{ path: string; bytes: Buffer }>> {
    const resolved = await this.resolve(path, request)
    if (!resolved.ok) return resolved
    const read = await readBounded(resolved.value, request.maxBytes, `the ${request.what} ${resolved.value}`)
    if (!read.ok) return err(codeFor(read.problem.kind, request.codes), `${read.problem.message}${fixFor(read.problem.kind, request.what)}`)
    return ok({ path: resolved.value, bytes: read.bytes })
  }

  /** A file's UTF-8 text (a leading byte-order mark dropped), as `readBytes`. */
  async readText(path: string, request: ReadRequest): Promise<Result<{ path: string; text: string }>> {
    const read = await this.readBytes(path, request)
    return read.ok ? ok({ path: read.value.path, text: decodeText(read.value.bytes) }) : read
  }

  private outside(named: string, what: string, viaLink: boolean): Result<never> {
    const how = viaLink ? ' (it is a link to a place outside them)' : ''
    return err('fs.outside_workspace', `the ${what} ${named} is outside the workspace${how}: files may come only from ${this.describe()}. Copy the file into one of them, or start the host with --workspace naming its folder`, {
      roots: this.roots.map((r) => ({ ...r }))
    })
  }
}

function codeFor(kind: ReadProblemKind, codes: ReadCodes): ErrorCode {
  return kind === 'not_found' ? codes.notFound : codes.unreadable
}

function fixFor(kind: ReadProblemKind, what: string): string {
  switch (kind) {
    case 'not_found':
      return ': check the path'
    case 'not_regular':
      return `: name a ${what} file`
    case 'too_big':
      return `: is this the right ${what} file?`
    case 'unreadable':
      return ''
  }
}
