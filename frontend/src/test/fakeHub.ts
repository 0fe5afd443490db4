import type { HubEventSource } from '../shared/signalr/hubEvents';

/** Stands in for a HubConnection: lets a test play server → client messages. */
export class FakeHub implements HubEventSource {
  handlers = new Map<string, Set<(...args: never[]) => void>>();
  on(event: string, handler: (...args: never[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
  }
  off(event: string, handler: (...args: never[]) => void) {
    this.handlers.get(event)?.delete(handler);
  }
  emit(event: string, payload: unknown) {
    this.handlers.get(event)?.forEach((h) => (h as (p: unknown) => void)(payload));
  }
}
