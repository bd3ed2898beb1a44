import { DeliveryError, type Notifier } from '../core/notifier.ts';
import type { Metrics } from './metrics.ts';

/** A Notifier that counts what the scheduler sends through it, by outcome. */
export function countingNotifier(inner: Notifier, metrics: Pick<Metrics, 'delivery'>): Notifier {
  const count = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      const result = await run();
      metrics.delivery(inner.platform, 'sent');
      return result;
    } catch (err) {
      metrics.delivery(inner.platform, err instanceof DeliveryError && err.options.permanent ? 'permanent' : 'failed');
      throw err;
    }
  };
  return {
    platform: inner.platform,
    post: (target, card) => count(() => inner.post(target, card)),
    update: (ref, card) => count(() => inner.update(ref, card)),
    ...(inner.publishHome ? { publishHome: (userId: string, card: Parameters<NonNullable<Notifier['publishHome']>>[1]) => inner.publishHome!(userId, card) } : {}),
  };
}
