// Mocha's spec reporter, plus the counts. Run by test/run.mjs (CC7_TEST_STATS set), it writes
// them to that file for run.mjs's total over every suite; run alone, it prints the plain total
// CI reads as the last line: "N passed, N failed, N skipped".
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');
const { watchExit } = require('./run-end-watch.cjs');
const { EVENT_RUN_END } = Mocha.Runner.constants;

class TotalReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      watchExit();
      const { passes, failures, pending } = runner.stats;
      const statsFile = process.env.CC7_TEST_STATS;
      if (statsFile) writeFileSync(statsFile, `${JSON.stringify({ passes, failures, pending })}\n`);
      // After the spec summary, which mocha prints on the same event.
      else process.on('exit', () => process.stdout.write(`\n${passes} passed, ${failures} failed, ${pending} skipped\n`));
    });
  }
}

module.exports = TotalReporter;
