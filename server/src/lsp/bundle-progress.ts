import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import type { ExportProgress } from '../node/bundle/export';
import type { VerifyProgress } from '../node/bundle/verify';

interface Stage<T> {
  /** The stage's share of the way to 100 %. */
  from: number;
  to: number;
  say: (update: T) => string;
}

const EXPORT_STAGES: Record<ExportProgress['stage'], Stage<ExportProgress>> = {
  scanning: { from: 0, to: 5, say: () => 'Listing the workspace' },
  analysing: { from: 5, to: 60, say: ({ done, total }) => `Checking files: ${done} of ${total}` },
  provenance: { from: 60, to: 65, say: () => 'Reading the git history' },
  writing: { from: 65, to: 95, say: ({ done, total }) => `Writing the bundle: ${done} of ${total} records` },
  signing: { from: 95, to: 100, say: () => 'Signing SHA256SUMS' },
};

/**
 * The export's and verify's progress as LSP work-done reports: a sentence for people and,
 * for the export, a percentage that never goes back (the export analyses the files again
 * when it finds the plan late, and signs before it writes the zip).
 */
export class BundleProgress {
  private shown = 0;

  constructor(private readonly reporter: WorkDoneProgressReporter, title: string) {
    reporter.begin(title, 0, undefined, true);
  }

  readonly export = (update: ExportProgress): void => {
    const stage = EXPORT_STAGES[update.stage];
    const share = update.total > 0 ? update.done / update.total : 0;
    this.shown = Math.max(this.shown, stage.from + (stage.to - stage.from) * share);
    this.reporter.report(this.shown, stage.say(update));
  };

  /** Verify cannot know how many entries a zip holds before it has read them: counts only. */
  readonly verify = (update: VerifyProgress): void => {
    this.reporter.report(update.stage === 'hashing' ? `Hashing: ${update.done} files` : 'Checking the signature');
  };

  done(): void {
    this.reporter.done();
  }
}
