/**
 * Loaded with `node --import` before a command the benchmark runs: prints
 * the process's peak RSS (kB) and CPU time (ms, user and system) to stderr
 * as it exits.
 */
process.on('exit', () => {
  const {user, system} = process.cpuUsage()
  process.stderr.write(`k8s-net-bench rss=${process.resourceUsage().maxRSS} cpu=${(user + system) / 1000}\n`)
})
