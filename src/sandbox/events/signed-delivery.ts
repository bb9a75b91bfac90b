/**
 * One webhook delivery as both platforms make it: a POST of a JSON body with signature headers
 * computed per attempt, retried with backoff until the receiver answers 2xx or the attempts run
 * out (at-least-once: a receiver that processed a request but answered late gets it again).
 */

export interface DeliveryAttempt {
  url: string;
  /** null when the receiver could not be reached or did not answer in time. */
  status: number | null;
  attempt: number;
}

export interface SignedDelivery {
  url: string;
  body: string;
  /** Headers for one attempt (a timestamped signature changes per attempt). */
  headers(): Record<string, string>;
  /** Answers that count as delivered. */
  accepted(status: number): boolean;
  /** Waits before each retry, in ms: its length is the number of retries. */
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  signal: AbortSignal;
  log: DeliveryAttempt[];
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** Resolves true once delivered, false when every attempt failed or the sandbox closed. */
export async function deliverSigned(delivery: SignedDelivery): Promise<boolean> {
  const { url, body, signal, log } = delivery;
  for (let attempt = 0; attempt <= delivery.retryDelaysMs.length; attempt++) {
    if (attempt > 0) await sleep(delivery.retryDelaysMs[attempt - 1]!, signal);
    if (signal.aborted) return false;
    let status: number | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...delivery.headers() },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(delivery.timeoutMs)]),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      // Unreachable, reset or too slow: retried like an error answer.
    }
    log.push({ url, status, attempt: attempt + 1 });
    if (status !== null && delivery.accepted(status)) return true;
  }
  return false;
}
