/**
 * A user's answers to the extension's questions: functions of `vscode.window` and `vscode.env`
 * replaced for one test (the extension and its tests share one API object in the extension
 * host), and put back after it.
 */
export class Stubs {
  private readonly restores: (() => void)[] = [];

  replace<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
    const original = target[key];
    target[key] = value;
    this.restores.push(() => {
      target[key] = original;
    });
  }

  restore(): void {
    for (const restore of this.restores.splice(0).reverse()) restore();
  }
}

/** A promise with its resolve, for a stub to settle when the extension calls it. */
export function deferred<T>(timeoutMs: number, what: string): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)), timeoutMs);
    resolve = (value) => {
      clearTimeout(timer);
      settle(value);
    };
  });
  return { promise, resolve };
}
