/**
 * Must be the renderer's first import. zod 4 probes `new Function` to compile fast parsers; the
 * page's CSP forbids eval, so the probe would log a CSP violation. Jitless mode skips it.
 */
import { z } from 'zod'

z.config({ jitless: true })
