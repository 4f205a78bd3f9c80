// Mocha's spec reporter, plus the plain total CI reads as the last line: "N passed, N failed, N skipped".
const Mocha = require('mocha');
const { EVENT_RUN_END } = Mocha.Runner.constants;

class TotalReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      // After the spec summary, which mocha prints on the same event.
      process.on('exit', () => process.stdout.write(`\n${passes} passed, ${failures} failed, ${pending} skipped\n`));
    });
  }
}

module.exports = TotalReporter;
