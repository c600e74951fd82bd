/** Whether to colour terminal output: --color/--no-color wins, then NO_COLOR / FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true
  return process.stdout.isTTY === true
}
