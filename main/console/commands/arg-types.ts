/** Helpers the command runs share (the argument schemas are the contract's: shared/contract/console-commands/arg-types.ts). */

/** Money rounded for display: six places keep cents exact and drop float noise. */
export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6
