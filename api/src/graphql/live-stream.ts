// A subscription's stream of bus events that pass its filter. It listens at once, not when the stream is first
// read, so nothing raised in between is missed (up to 1,000 early events are held).
import { Repeater } from 'graphql-yoga';
import type { EventBus } from '../live/event-bus.ts';

export function liveStream<T>(bus: EventBus<T>, keep: (event: T) => boolean): Repeater<T> {
  const early: T[] = [];
  let deliver: ((event: T) => void) | null = null;
  const unsubscribe = bus.subscribe((events) => {
    for (const e of events) {
      if (!keep(e)) continue;
      if (deliver) deliver(e);
      else if (early.length < 1000) early.push(e);
    }
  });
  return new Repeater<T>(async (push, stop) => {
    deliver = (e) => void push(e);
    for (const e of early.splice(0)) deliver(e);
    await stop;
    unsubscribe();
  });
}
