// Preloaded (--require) into the measured `cc7 export` process: at exit it writes the process's
// own resource usage (CPU time of every thread, peak RSS) to the file CC7_BENCH_RUSAGE names.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.CC7_BENCH_RUSAGE, JSON.stringify({ cpuUs: usage.userCPUTime + usage.systemCPUTime, maxRssKb: usage.maxRSS }));
});
